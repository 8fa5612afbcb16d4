import type { OpInput } from '../../../../shared/ipc/contract'
import type { ClassifiedChip } from '../../../../shared/rules/types'
import type { OpView } from '../../api/opAnswer'
import { DASH, formatDecimal, formatH100e, formatTpp } from '../../format'
import { figuresText } from './chipFigures'
import { eccnText, missingText } from './columns'

/** What the custom-chip panel asks `rules.classify`: a spec of typed figures, under the header's pack. */
export type ClassifyInput = OpInput<'rules.classify'>

/** The figures of a classify input in the forms' words (a catalogue chip by its name). */
const whatWasAsked = ({ chip }: ClassifyInput): string =>
  typeof chip === 'string' ? chip : figuresText(chip, chip.datacenter ?? true)

const underWhat = ({ packId }: ClassifyInput): string => (packId ? `pack ${packId}` : 'the pack in force')

/**
 * What the panel says while the figures now typed are classified. With an earlier answer kept in
 * view, dimmed, it says whose figures that answer is for: an officer must not read, save or quote it
 * as the classification of the figures in the form.
 */
export function pendingNote(previous: ClassifyInput | null, current: ClassifyInput | null): string {
  if (previous === null || current === null) return 'Classifying the figures typed…'
  const then = whatWasAsked(previous)
  if (then !== whatWasAsked(current))
    return `Classifying the figures now typed… The classification shown, dimmed, is for the previous figures (${then}), not for these.`
  // Same figures, asked again: under another pack, or because the desk's data changed.
  const thenUnder = underWhat(previous)
  return thenUnder !== underWhat(current)
    ? `Classifying again under ${underWhat(current)}… The classification shown, dimmed, is for the same figures under ${thenUnder}.`
    : 'Classifying again… The classification shown, dimmed, is the one read before.'
}

/** A classification's figures; `live` ids for the current answer only, so nothing finds an old one as current. */
function ClassificationFacts({ chip, ids }: { chip: ClassifiedChip; ids: 'live' | 'previous' }) {
  return (
    <dl className="facts">
      <dt>TPP</dt>
      <dd data-testid={`${ids}-tpp`}>{formatTpp(chip.tpp)}</dd>
      <dt>Performance density</dt>
      <dd data-testid={`${ids}-pd`}>
        {chip.performanceDensity == null ? DASH : formatDecimal(chip.performanceDensity)}
      </dd>
      <dt>ECCN</dt>
      <dd data-testid={`${ids}-eccn`}>
        <strong>{eccnText(chip)}</strong>
      </dd>
      <dt>H100-equivalents</dt>
      <dd data-testid={`${ids}-h100e`}>{formatH100e(chip.h100e)}</dd>
      {chip.missing.length > 0 && (
        <>
          <dt>Missing</dt>
          <dd>{missingText(chip.missing)}</dd>
        </>
      )}
      <dt>Rule</dt>
      <dd className="citation">{chip.citation}</dd>
    </dl>
  )
}

/**
 * The custom chip's classification as `useOp` gives it: the answer for the figures now typed, or,
 * while that is read, "classifying" over the previous answer dimmed and said to be for other figures.
 * `input` is the question now asked (null while a figure is invalid: nothing is classified, and no
 * earlier answer is shown).
 */
export function LiveClassification({
  view,
  input,
}: {
  view: OpView<ClassifiedChip, ClassifyInput>
  input: ClassifyInput | null
}) {
  return (
    <section
      className="classification"
      aria-live="polite"
      aria-label="Live classification"
      aria-busy={view.loading}
      data-testid="live-classification"
    >
      <h3>Classification</h3>
      {view.error && <p className="error">{view.error}</p>}
      {view.data && <ClassificationFacts chip={view.data} ids="live" />}
      {view.loading && (
        // No role of its own: the section is the live region, and the form's one status is "Added …".
        <p className="stale-note" data-testid="live-classification-pending">
          {pendingNote(view.previous?.input ?? null, input)}
        </p>
      )}
      {view.loading && view.previous && (
        <div className="is-stale" data-testid="live-classification-previous">
          <ClassificationFacts chip={view.previous.data} ids="previous" />
        </div>
      )}
    </section>
  )
}
