import { useId, useState } from 'react'
import type { LicenceRow } from '../../../../shared/domain/licence'
import type { DealLicences } from '../../../../shared/domain/licence-expiry'
import { REASON_REQUIRED, type ProjectDetail, type ProjectStatus } from '../../../../shared/domain/project'
import type { CurrentUser } from '../../../../shared/domain/user'
import { STATUS_LABEL } from '../../components/StatusChip'
import { ReasonDialog, type ReasonRequest } from '../../components/ReasonDialog'
import { useOp } from '../packs/frame'
import { formatInt, formatTpp } from '../../format'
import { LicenceExpiryNote } from './DealLicenceList'
import {
  checkLicenceTerms,
  dealDraw,
  isDateTerm,
  NO_TERMS,
  TERM_LABEL,
  type DateTerm,
  type DealDraw,
  type LicenceTerms,
  type LicenceTermsCheck,
  type LicenceTermsForm,
} from './licenceTerms'
import { lifecycleSteps } from './lifecycleRules'

const ACTION: Record<ProjectStatus, string> = {
  draft: 'Back to draft',
  in_review: 'Submit for review',
  approved: 'Approve',
  returned: 'Return to preparer',
  rejected: 'Reject',
  cancelled: 'Cancel deal',
  licensed: 'Record licence',
  shipped: 'Mark shipped',
  closed: 'Close',
}

/** The steps the ledger records a determination for, under the pack in force on the deal's date. */
const RECORDS_DETERMINATION: readonly ProjectStatus[] = ['in_review', 'approved', 'licensed']

/**
 * The lifecycle steps the ledger allows next. Four eyes and reasons are enforced by the ledger; the
 * buttons only say in advance what it will ask for, and show its answer when it refuses.
 */
export function LifecycleActions({
  detail,
  licences,
  user,
  blocked,
  packBlocked,
  packNote,
  onTransition,
}: {
  detail: ProjectDetail
  /** The licences the deal draws on (`licences.forDeal`): Mark shipped waits while its licence has expired. */
  licences: DealLicences | null
  user: CurrentUser | null
  /** Why submitting is unavailable right now (unsaved edits, fields to correct), or null. */
  blocked: string | null
  /** Why the steps that record a determination wait on the header's pinned pack, or null. */
  packBlocked: string | null
  packNote: string
  onTransition(to: ProjectStatus, reason: string | undefined, licence?: LicenceGrant): Promise<void>
}) {
  const [pending, setPending] = useState<{ to: ProjectStatus; request: ReasonRequest } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [licenceNo, setLicenceNo] = useState('')
  const [terms, setTerms] = useState<LicenceTermsForm>(NO_TERMS)
  // Date fields holding a date typed in part, which a browser gives as '' (no date): named on the field
  // (`checkLicenceTerms`). The browser's own form check also refuses to send them.
  const [incomplete, setIncomplete] = useState<readonly DateTerm[]>([])
  // The number Record licence was pressed for before the ledger had answered for it.
  const [askedUnread, setAskedUnread] = useState<string | null>(null)
  const noteId = useId()
  const p = detail.project
  const typedNo = pending?.to === 'licensed' ? licenceNo.trim() : ''
  // The number typed, read as the deal would draw on it, once typing pauses. Until the ledger has
  // answered for this very number nothing is sent: a number sent unread would record a new licence
  // with no terms asked (no expiry, the deal's own figures) if it proved new.
  const lookup = useOp('licences.forDeal', typedNo ? { id: p.id, number: typedNo } : null, {
    delayMs: 300,
  })
  const candidate = lookup.data
  // A licence not in the ledger yet is recorded by this step, with its own terms: its expiry (so the
  // ledger can hold a shipment to it and the panel can warn before the ship date), and the figures it
  // authorizes, which may cover more than this deal's shipment. A recorded licence keeps its terms.
  const newLicence = candidate?.candidate?.expiry === 'not_recorded'
  const recorded = candidate?.candidate?.licence ?? null
  const draw = dealDraw(detail)
  const termsCheck = newLicence
    ? checkLicenceTerms(licenceNo.trim(), terms, draw, candidate?.sessionDate ?? null, incomplete)
    : null
  // Steps the acting user may not take: disabled, each described by the note that says why.
  const steps = lifecycleSteps(detail, user, licences)
  const next = steps.map((s) => s.to)
  const why = new Map<ProjectStatus, string | null>(steps.map((s) => [s.to, s.unavailable]))
  const notes = [...new Set([...why.values()].filter((w): w is string => w !== null))]
  const noteOf = (to: ProjectStatus) => {
    const w = why.get(to)
    return w ? `${noteId}-${notes.indexOf(w)}` : undefined
  }

  const start = (to: ProjectStatus) => {
    setError(null)
    // What an earlier opening found of its number and dates is not this opening's.
    setAskedUnread(null)
    setIncomplete([])
    const label = ACTION[to]
    const resubmit = to === 'in_review' && p.status === 'returned'
    setPending({
      to,
      request: {
        title: `${resubmit ? 'Resubmit' : label}: ${p.name}`,
        action: resubmit ? 'Resubmit' : label,
        reasonRequired: REASON_REQUIRED.includes(to),
      },
    })
  }

  const confirm = async (reason: string) => {
    if (!pending) return
    if (pending.to === 'licensed' && !licenceNo.trim()) {
      setError('Enter the licence number.')
      return
    }
    if (pending.to === 'licensed' && !candidate) {
      // Said while it holds: the words go once the ledger has answered for the number.
      setAskedUnread(typedNo)
      return
    }
    if (pending.to === 'licensed' && termsCheck && Object.keys(termsCheck.errors).length > 0) {
      setError('Correct the licence terms marked above: nothing was recorded.')
      return
    }
    setBusy(true)
    try {
      await onTransition(
        pending.to,
        reason || undefined,
        pending.to === 'licensed' ? { number: licenceNo.trim(), ...termsCheck?.terms } : undefined,
      )
      setPending(null)
      setLicenceNo('')
      setTerms(NO_TERMS)
    } catch (e) {
      // The ledger's refusal (four eyes, stale version, a missing reason) is shown where the user acted.
      setError((e as Error).message)
      // Read the number again: another program may have recorded it meanwhile, with its own terms.
      if (pending.to === 'licensed') lookup.reload()
    } finally {
      setBusy(false)
    }
  }

  if (next.length === 0)
    return <p className="muted">No further steps: this deal is {STATUS_LABEL[p.status].toLowerCase()}.</p>
  return (
    <div className="lifecycle">
      <div role="group" aria-label="Lifecycle" className="button-row">
        {next.map((to) => (
          <button
            key={to}
            type="button"
            className={
              to === 'approved' || to === 'in_review'
                ? 'primary'
                : to === 'rejected' || to === 'cancelled'
                  ? 'danger'
                  : undefined
            }
            disabled={
              (blocked != null && to === 'in_review') ||
              (packBlocked != null && RECORDS_DETERMINATION.includes(to)) ||
              why.get(to) != null
            }
            aria-describedby={noteOf(to)}
            title={why.get(to) ?? undefined}
            onClick={() => start(to)}
          >
            {to === 'in_review' && p.status === 'returned' ? 'Resubmit for review' : ACTION[to]}
          </button>
        ))}
      </div>
      {blocked && <p className="muted small">{blocked}</p>}
      {packBlocked && next.some((to) => RECORDS_DETERMINATION.includes(to)) && (
        <p className="muted small" data-testid="lifecycle-pack-blocked">
          {packBlocked}
        </p>
      )}
      {notes.map((w, i) => (
        <p key={w} id={`${noteId}-${i}`} className="muted small" data-testid="lifecycle-unavailable">
          {w}
        </p>
      ))}
      {error && !pending && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ReasonDialog
        request={pending?.request ?? null}
        error={
          pending?.to === 'licensed' && askedUnread === typedNo && typedNo && !candidate
            ? lookup.error
              ? `Licence ${typedNo} could not be read from the ledger (${lookup.error}): nothing was recorded.`
              : `Licence ${typedNo} is still being looked up in the ledger: record it once the dialog shows what the ledger holds for it.`
            : error
        }
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={(r) => void confirm(r)}
      >
        <p className="muted small">{packNote}</p>
        {pending?.to === 'licensed' && (
          <label>
            Licence number <input value={licenceNo} onChange={(e) => setLicenceNo(e.target.value)} />
          </label>
        )}
        {pending?.to === 'licensed' && candidate && <CandidateNote candidate={candidate} />}
        {pending?.to === 'licensed' && lookup.error && (
          <p className="error small" data-testid="licence-lookup-error">
            Licence {typedNo} could not be read from the ledger: {lookup.error}
          </p>
        )}
        {pending?.to === 'licensed' && termsCheck && (
          <NewLicenceTerms
            number={licenceNo.trim()}
            form={terms}
            check={termsCheck}
            draw={draw}
            onChange={(key, value) => {
              setTerms((t) => ({ ...t, [key]: value }))
              // What was said of the terms before no longer holds for the terms now typed.
              setError(null)
            }}
            onDateValidity={(key, unfinished) =>
              setIncomplete((was) => [...was.filter((k) => k !== key), ...(unfinished ? [key] : [])])
            }
          />
        )}
        {pending?.to === 'licensed' && recorded && <RecordedTerms licence={recorded} />}
      </ReasonDialog>
    </div>
  )
}

/**
 * The licence Record licence sends: its number and, for a licence not yet in the ledger, the terms
 * given for it (the ledger takes the deal's own TPP and units for figures not given). A recorded
 * licence's number goes alone: the ledger refuses other terms than those it recorded.
 */
export interface LicenceGrant extends LicenceTerms {
  number: string
}

/** What the dialog says of the licence typed: a new one is recorded; a recorded one shows its expiry. */
function CandidateNote({ candidate }: { candidate: DealLicences }) {
  const c = candidate.candidate
  if (!c) return null
  if (c.expiry === 'not_recorded')
    return (
      <p className="muted small" data-testid="licence-candidate">
        Licence {c.number} is not in the ledger yet: recording it here records it with the terms given below
        (a date left empty is recorded as none; figures left empty are the deal&apos;s own).
      </p>
    )
  return (
    <div data-testid="licence-candidate">
      <LicenceExpiryNote licence={c} at={candidate} />
    </div>
  )
}

/**
 * The terms of a licence not yet in the ledger: its dates and the TPP and units it authorizes, which
 * may cover several of the consignee's shipments, drawn down deal by deal. Figures left empty are the
 * deal's own, as the ledger records them; each field's message says what the ledger would refuse.
 */
function NewLicenceTerms({
  number,
  form,
  check,
  draw,
  onChange,
  onDateValidity,
}: {
  number: string
  form: LicenceTermsForm
  check: LicenceTermsCheck
  draw: DealDraw
  onChange(key: keyof LicenceTermsForm, value: string): void
  /** Whether a date field holds a date typed in part (which the browser reads as no date). */
  onDateValidity(key: DateTerm, unfinished: boolean): void
}) {
  const id = useId()
  const field = (key: keyof LicenceTermsForm, input: 'date' | 'whole', placeholder?: string) => {
    const error = check.errors[key]
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{TERM_LABEL[key]}</label>
        <input
          id={`${id}-${key}`}
          type={input === 'date' ? 'date' : 'text'}
          inputMode={input === 'whole' ? 'numeric' : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={form[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${key}-error` : undefined}
          onChange={(e) => {
            onChange(key, e.target.value)
            if (isDateTerm(key)) onDateValidity(key, e.currentTarget.validity.badInput)
          }}
          // A field left with a date typed in part fires no change (its value stays ''): its state is
          // read when the officer leaves it (as when Record licence is clicked).
          onBlur={(e) => isDateTerm(key) && onDateValidity(key, e.currentTarget.validity.badInput)}
        />
        {error && (
          <span id={`${id}-${key}-error`} className="field-error" data-testid="licence-term-error">
            {error}
          </span>
        )}
      </div>
    )
  }
  return (
    <fieldset className="sub licence-terms" data-testid="licence-terms">
      <legend>Terms of licence {number}</legend>
      <p className="muted small" data-testid="licence-terms-default">
        {draw.tpp === null
          ? `Authorized TPP and units left empty default to the deal's own (${formatInt(draw.units)} units; its TPP as the ledger determines it).`
          : `Authorized TPP and units left empty default to the deal's own: ${formatTpp(draw.tpp)} TPP and ${formatInt(draw.units)} units.`}{' '}
        A licence covering more shipments than this one authorizes more.
      </p>
      <div className="form-grid">
        {field('issuedOn', 'date')}
        {field('expiresOn', 'date')}
        {field('authorizedTpp', 'whole', draw.tpp === null ? undefined : formatTpp(draw.tpp))}
        {field('authorizedUnits', 'whole', formatInt(draw.units))}
      </div>
      {check.caution && (
        <p className="warning-licence-expiry small" data-testid="licence-terms-caution">
          {check.caution}
        </p>
      )}
      {check.refusal && (
        <p className="error small" data-testid="licence-terms-refusal">
          {check.refusal}
        </p>
      )}
    </fieldset>
  )
}

/**
 * A recorded licence's terms, read-only: the deal takes them as they are (the ledger refuses a grant
 * giving others), and what the licence has left is what the deal's draw comes out of.
 */
function RecordedTerms({ licence: l }: { licence: LicenceRow }) {
  return (
    <div className="licence-recorded-terms small" data-testid="licence-recorded-terms">
      <p className="muted">
        Licence {l.number} is recorded with these terms, which the deal takes as they stand. The ledger
        refuses the draw if the licence has expired, has less left than the deal needs, or was granted for
        another consignee or destination.
      </p>
      <dl>
        <dt>Issued on</dt>
        <dd>{l.issuedOn ?? 'not recorded'}</dd>
        <dt>Expires on</dt>
        <dd>{l.expiresOn ?? 'no expiry recorded'}</dd>
        <dt>Authorized</dt>
        <dd>
          {formatTpp(l.authorizedTpp)} TPP and {formatInt(l.authorizedUnits)} units
        </dd>
        <dt>Left</dt>
        <dd>
          {formatTpp(l.remainingTpp)} TPP and {formatInt(l.remainingUnits)} units
        </dd>
      </dl>
    </div>
  )
}
