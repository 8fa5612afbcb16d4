import type { ICellRendererParams } from 'ag-grid-community'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type {
  CompareResult,
  CompareRow,
  CompareSide,
  ScenarioRecord,
} from '../../../../shared/domain/scenario'
import type { PackSummary } from '../../../../shared/ipc/ops/packs'
import { describeEdit } from '../../../../shared/scenarios/edits'
import { COUNTRY_GROUPS } from '../../../../shared/rules/types'
import { ApiError, call } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DASH, formatDate, formatInt, formatTpp, humanize } from '../../format'
import { DataGrid } from '../../grid/DataGrid'
import { gridCell, type ColDefT, type GridCellSpec } from '../../grid/columns'
import { navigate } from '../../shell/routes'
import { useSession } from '../../shell/session'
import { useWorkspace } from '../../state/workspace'
import { allocationInWords, changeInWords } from './compareWords'
import { RenameScenarioDialog } from './RenameScenarioDialog'
import { EDIT_KINDS, blankEdit, draftProblem, toEdit, type EditDraft } from './editModel'

type ScenarioRow = ScenarioRecord & { id: string }
type CompareGridRow = CompareRow & { id: string }
/** Most rows the comparison grid holds; the counts still cover the whole book (100,000 rows are ~40 MB). */
const COMPARE_ROWS = 5000
/** The framework as written against the regime enforced after it: the comparison the desk starts from. */
const DEFAULT_LEFT = 'us-ai-diffusion-2025'
const DEFAULT_RIGHT = 'us-advanced-computing-2025-05'

/** A scenario's title and edits wrap onto more lines rather than end in "…" (the list is short). */
const wrapped = { wrapText: true, autoHeight: true, cellClass: 'wrap-cell' } as const

/**
 * An explicit control per scenario, pinned on the right: it only opens its dialog, which names the
 * scenario. Its value is the title, so a rename redraws it and its label names the scenario as it is
 * now called.
 */
function actionColumn(
  colId: 'rename' | 'delete',
  verb: string,
  width: number,
  onClick: (row: ScenarioRow) => void,
): ColDefT<ScenarioRow> {
  return gridCell<ScenarioRow, string>({
    colId,
    field: 'title',
    headerName: '',
    width,
    pinned: 'right',
    cellClass: 'action-cell',
    sortable: false,
    exportable: false,
    format: () => '',
    cellRenderer: (p: ICellRendererParams<ScenarioRow, string>) =>
      p.data ? (
        <button
          type="button"
          aria-label={`${verb} scenario ${p.data.title} (${p.data.id})`}
          onClick={() => onClick(p.data!)}
        >
          {verb}
        </button>
      ) : null,
  })
}

/**
 * Id, title, edits and base fit the panel at 1440 px beside the Rename and Delete buttons pinned on the
 * right (who and when scroll); title and edits wrap, and any cut cell shows its full text on hover, so
 * a title is never only "MY all…".
 */
function scenarioColumns(
  onRename: (row: ScenarioRow) => void,
  onDelete: (row: ScenarioRow) => void,
): ColDefT<ScenarioRow>[] {
  return [
    gridCell<ScenarioRow, string>({
      colId: 'id',
      field: 'id',
      headerName: 'Id',
      width: 150,
      format: (v) => v ?? DASH,
      tooltip: true,
    }),
    gridCell<ScenarioRow, string>({
      colId: 'title',
      field: 'title',
      headerName: 'Title',
      ...wrapped,
      flex: 1,
      minWidth: 110,
      format: (v) => v ?? DASH,
      tooltip: true,
    }),
    gridCell<ScenarioRow, ScenarioRecord['edits']>({
      colId: 'edits',
      field: 'edits',
      headerName: 'Edits',
      ...wrapped,
      flex: 2,
      minWidth: 160,
      format: (v) => (v && v.length ? v.map(describeEdit).join('; ') : DASH),
      tooltip: true,
    }),
    gridCell<ScenarioRow, string>({
      colId: 'basedOn',
      field: 'basedOn',
      headerName: 'Based on',
      width: 175,
      format: (v) => v ?? DASH,
      tooltip: true,
    }),
    gridCell<ScenarioRow, string>({
      colId: 'createdBy',
      field: 'createdBy',
      headerName: 'By',
      width: 110,
      format: (v) => v ?? DASH,
      tooltip: true,
    }),
    gridCell<ScenarioRow, string>({
      colId: 'createdAt',
      field: 'createdAt',
      headerName: 'Created',
      width: 190,
      format: (v) => formatDate(v),
    }),
    actionColumn('rename', 'Rename', 80, onRename),
    actionColumn('delete', 'Delete', 72, onDelete),
  ]
}

/** Whether the core refused a scenario for its title (blank, or another scenario's or pack's). */
const refusesTitle = (e: unknown): boolean =>
  e instanceof ApiError && (e.info.fields ?? []).some((f) => f.path === 'title')

const yesNo = (v: boolean | null | undefined) => (v == null ? DASH : v ? 'Yes' : 'No')

/** The same column for pack A and pack B, side by side (`left<key>`, `right<key>`). */
function bothPacks<V>(
  key: string,
  header: string,
  look: Pick<GridCellSpec<CompareGridRow, V>, 'width' | 'type' | 'tooltip'>,
  read: (side: CompareSide) => V | null,
  format: (v: V | null | undefined) => string,
): ColDefT<CompareGridRow>[] {
  return (['left', 'right'] as const).map((side) =>
    gridCell<CompareGridRow, V>({
      ...look,
      colId: `${side}${key}`,
      headerName: `${header} (${side === 'left' ? 'A' : 'B'})`,
      valueGetter: (p) => (p.data ? read(p.data[side]) : null),
      format,
    }),
  )
}

const compareColumns: ColDefT<CompareGridRow>[] = [
  gridCell<CompareGridRow, string>({
    colId: 'dealId',
    field: 'dealId',
    headerName: 'Deal',
    width: 130,
    pinned: 'left',
    format: (v) => v ?? DASH,
  }),
  gridCell<CompareGridRow, string>({
    colId: 'name',
    field: 'name',
    headerName: 'Name',
    width: 180,
    format: (v) => v ?? DASH,
    tooltip: true,
  }),
  gridCell<CompareGridRow, string | null>({
    colId: 'destination',
    field: 'destination',
    headerName: 'Dest.',
    width: 80,
    format: (v) => v ?? DASH,
  }),
  gridCell<CompareGridRow, string>({
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 110,
    format: (v) => v ?? DASH,
  }),
  gridCell<CompareGridRow, number | null>({
    colId: 'tpp',
    field: 'tpp',
    headerName: 'TPP',
    width: 130,
    type: 'rightAligned',
    format: (v) => formatTpp(v),
  }),
  // What changes, in words, before the per-pack columns: a change in review policy alone is named here.
  gridCell<CompareGridRow, string>({
    colId: 'changed',
    headerName: 'What changes (A → B)',
    width: 340,
    ...wrapped,
    valueGetter: (p) => (p.data ? changeInWords(p.data) : null),
    format: (v) => v ?? DASH,
    tooltip: true,
  }),
  ...bothPacks<string>('Outcome', 'Outcome', { width: 140 }, (side) => side.outcome, humanize),
  ...bothPacks<string>('Policy', 'Review', { width: 180 }, (side) => side.reviewPolicy, humanize),
  ...bothPacks<string>(
    'Allocation',
    'Allocation left',
    { width: 200, type: 'rightAligned', tooltip: true },
    allocationInWords,
    (v) => v ?? DASH,
  ),
  ...bothPacks<string>(
    'Auth',
    'Auth.',
    { width: 100 },
    (side) => side.authorization,
    (v) => v ?? DASH,
  ),
  ...bothPacks<boolean>('Licence', 'Licence', { width: 110 }, (side) => side.licenseRequired, yesNo),
]

function PackSelect({
  id,
  label,
  value,
  packs,
  onChange,
}: {
  id: string
  label: string
  value: string
  packs: PackSummary[]
  onChange(v: string): void
}) {
  return (
    <label htmlFor={id} className="field">
      <span>{label}</span>
      <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.scenario ? `Scenario: ${p.title} (${p.id})` : `${p.id} — ${p.title}`}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * What-if work: make a scenario from a pack with a few edits, then run the whole deal book under two
 * packs or scenarios side by side and see deal by deal where the answer changes.
 */
export function ScenariosScreen() {
  const ws = useWorkspace()
  const session = useSession()
  const [packs, setPacks] = useState<PackSummary[]>([])
  const [scenarios, setScenarios] = useState<ScenarioRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [basedOn, setBasedOn] = useState(DEFAULT_LEFT)
  const [title, setTitle] = useState('')
  const [edits, setEdits] = useState<EditDraft[]>(() => [blankEdit(1, ws.asOf)])
  const [formError, setFormError] = useState<string | null>(null)
  const [left, setLeft] = useState(DEFAULT_LEFT)
  const [right, setRight] = useState(DEFAULT_RIGHT)
  const [includeClosed, setIncludeClosed] = useState(false)
  const [onlyChanged, setOnlyChanged] = useState(true)
  const [result, setResult] = useState<CompareResult | null>(null)
  const [comparing, setComparing] = useState(false)
  // A result answers the packs and box it was run with: once any of them changes it is taken away, so
  // the figures under the controls never belong to another pair than the one they show.
  useEffect(() => setResult(null), [left, right, includeClosed])
  /** The scenario whose deletion is being confirmed; nothing is deleted without the confirm button. */
  const [deleting, setDeleting] = useState<ScenarioRow | null>(null)
  /** The scenario being renamed, and why the core refused the last title tried for it. */
  const [renaming, setRenaming] = useState<ScenarioRow | null>(null)
  const [renameError, setRenameError] = useState<string | null>(null)
  const [renameBusy, setRenameBusy] = useState(false)
  const [titleRefused, setTitleRefused] = useState(false)
  const startRename = useCallback((row: ScenarioRow) => {
    setRenameError(null)
    setRenaming(row)
  }, [])
  const scenarioCols = useMemo(() => scenarioColumns(startRename, setDeleting), [startRename])

  const reload = useCallback(async () => {
    try {
      const [p, s] = await Promise.all([call('packs.list', {}), call('scenarios.list', {})])
      setPacks(p)
      setScenarios(s.map((r) => ({ ...r, id: r.id })))
    } catch (e) {
      setError((e as Error).message)
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  // A scenario deleted (here or by a colleague) while a picker names it: the select would show another
  // pack while Create or Compare still asked for the deleted id. Fall back to the defaults.
  useEffect(() => {
    if (!packs.length) return
    const known = (id: string) => packs.some((p) => p.id === id)
    if (!known(basedOn)) setBasedOn(DEFAULT_LEFT)
    if (!known(left)) setLeft(DEFAULT_LEFT)
    if (!known(right)) setRight(DEFAULT_RIGHT)
  }, [packs, basedOn, left, right])

  const update = (key: number, patch: Partial<EditDraft>) =>
    setEdits((all) => all.map((e) => (e.key === key ? { ...e, ...patch } : e)))

  const create = async () => {
    const problem = edits.map(draftProblem).find((p) => p !== null)
    if (problem) {
      setFormError(problem)
      return
    }
    setFormError(null)
    setTitleRefused(false)
    try {
      const made = await call('scenarios.create', { basedOn, title, edits: edits.map(toEdit) })
      setTitle('')
      setEdits([blankEdit(Date.now(), ws.asOf)])
      await reload()
      session.bumpData()
      setRight(made.id)
    } catch (e) {
      setFormError(e instanceof ApiError ? e.info.message : String(e))
      setTitleRefused(refusesTitle(e))
    }
  }

  const rename = async (id: string, newTitle: string) => {
    setRenameBusy(true)
    try {
      await call('scenarios.rename', { id, title: newTitle })
      setRenaming(null)
      await reload()
      session.bumpData()
    } catch (e) {
      // A refused title keeps the dialog open, the reason under the field.
      setRenameError(e instanceof ApiError ? e.info.message : String(e))
    } finally {
      setRenameBusy(false)
    }
  }

  const remove = async (id: string) => {
    setDeleting(null)
    try {
      await call('scenarios.delete', { id })
      await reload()
      session.bumpData()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const compare = async () => {
    setComparing(true)
    setError(null)
    setResult(null)
    try {
      setResult(await call('packs.compare', { left, right, includeClosed, limit: COMPARE_ROWS }))
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setComparing(false)
    }
  }

  const openDeal = (id: string) => navigate('projects', { id })

  const rows = useMemo<CompareGridRow[]>(
    () =>
      (result?.rows ?? [])
        .filter((r) => !onlyChanged || r.changed.length > 0)
        .map((r) => ({ ...r, id: r.dealId })),
    [result, onlyChanged],
  )
  const basePacks = packs
  const whatIf = result
    ? [result.left.packId, result.right.packId].filter(
        (id, i, ids) => ids.indexOf(id) === i && packs.some((p) => p.id === id && p.scenario),
      )
    : []

  return (
    <section className="screen scenarios" aria-labelledby="scenarios-title">
      <header className="screen-header">
        <h1 id="scenarios-title">Scenarios and comparison</h1>
        <span className="muted">
          What-if copies of a rule pack, and the deal book under two rule versions side by side.
        </span>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      <div className="scenario-panels">
        <form
          className="panel scenario-form"
          aria-labelledby="new-scenario"
          onSubmit={(e) => {
            e.preventDefault()
            void create()
          }}
        >
          <h2 id="new-scenario">New scenario</h2>
          <PackSelect
            id="scenario-base"
            label="Based on"
            value={basedOn}
            packs={basePacks}
            onChange={setBasedOn}
          />
          <label htmlFor="scenario-title" className="field">
            <span>Title</span>
            <input
              id="scenario-title"
              value={title}
              aria-invalid={titleRefused ? true : undefined}
              aria-describedby={titleRefused ? 'scenario-form-error' : undefined}
              onChange={(e) => {
                setTitle(e.target.value)
                setTitleRefused(false)
              }}
              placeholder="e.g. LPP halved"
            />
          </label>
          {edits.map((d, i) => (
            <fieldset key={d.key} className="scenario-edit">
              <legend>Edit {i + 1}</legend>
              <label className="field">
                <span>Change</span>
                <select
                  aria-label={`Edit ${i + 1} kind`}
                  value={d.kind}
                  onChange={(e) => update(d.key, { kind: e.target.value as EditDraft['kind'] })}
                >
                  {EDIT_KINDS.map((k) => (
                    <option key={k.kind} value={k.kind}>
                      {k.label}
                    </option>
                  ))}
                </select>
              </label>
              {(d.kind === 'lpp_limit' || d.kind === 'allocation_limit') && (
                <label className="field">
                  <span>New limit (TPP)</span>
                  <input
                    aria-label={`Edit ${i + 1} TPP`}
                    inputMode="numeric"
                    value={d.tpp}
                    onChange={(e) => update(d.key, { tpp: e.target.value })}
                  />
                </label>
              )}
              {d.kind !== 'lpp_limit' && d.kind !== 'allocation_limit' && (
                <label className="field">
                  <span>Country (ISO)</span>
                  <input
                    aria-label={`Edit ${i + 1} country`}
                    maxLength={2}
                    value={d.country}
                    onChange={(e) => update(d.key, { country: e.target.value })}
                  />
                </label>
              )}
              {d.kind === 'move_tier' && (
                <label className="field">
                  <span>Tier</span>
                  <select
                    aria-label={`Edit ${i + 1} tier`}
                    value={d.tier}
                    onChange={(e) => update(d.key, { tier: e.target.value })}
                  >
                    <option value="1">1</option>
                    <option value="2">2</option>
                    <option value="3">3</option>
                  </select>
                </label>
              )}
              {d.kind === 'group_change' && (
                <>
                  <label className="field">
                    <span>Group</span>
                    <select
                      aria-label={`Edit ${i + 1} group`}
                      value={d.group}
                      onChange={(e) => update(d.key, { group: e.target.value })}
                    >
                      {COUNTRY_GROUPS.map((g) => (
                        <option key={g}>{g}</option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span>Add or remove</span>
                    <select
                      aria-label={`Edit ${i + 1} change`}
                      value={d.change}
                      onChange={(e) => update(d.key, { change: e.target.value as 'add' | 'remove' })}
                    >
                      <option value="add">add</option>
                      <option value="remove">remove</option>
                    </select>
                  </label>
                </>
              )}
              {(d.kind === 'group_change' || d.kind === 'government_arrangement') && (
                <label className="field">
                  <span>From</span>
                  <input
                    aria-label={`Edit ${i + 1} date`}
                    type="date"
                    value={d.date}
                    onChange={(e) => update(d.key, { date: e.target.value })}
                  />
                </label>
              )}
              {edits.length > 1 && (
                <button type="button" onClick={() => setEdits((all) => all.filter((e) => e.key !== d.key))}>
                  Remove edit
                </button>
              )}
            </fieldset>
          ))}
          <div className="actions">
            <button type="button" onClick={() => setEdits((all) => [...all, blankEdit(Date.now(), ws.asOf)])}>
              Add edit
            </button>
            <button type="submit" className="primary">
              Create scenario
            </button>
          </div>
          {formError && (
            <p id="scenario-form-error" role="alert" className="error">
              {formError}
            </p>
          )}
          <p className="muted small">
            Every edited value is cited to this scenario with confidence “unconfirmed”; determinations under a
            scenario say so.
          </p>
        </form>

        <div className="panel scenario-list">
          <h2>Scenarios</h2>
          <DataGrid<ScenarioRow>
            gridId="scenarios"
            rowId={(r) => r.id}
            rowData={scenarios}
            columnDefs={scenarioCols}
            // From the keyboard, Enter on a focused Rename or Delete cell does what a click does: open
            // its dialog (the grid keeps focus on the cell, not on the button inside it).
            onCellKeyDown={(e) => {
              const key = (e.event as KeyboardEvent | null)?.key
              if (!('column' in e) || !e.data || (key !== 'Enter' && key !== ' ')) return
              const col = e.column.getColId()
              if (col === 'delete') setDeleting(e.data)
              else if (col === 'rename') startRename(e.data)
            }}
            domLayout="autoHeight"
            overlayNoRowsTemplate="No scenarios yet"
          />
          {renaming && (
            <RenameScenarioDialog
              scenario={renaming}
              error={renameError}
              busy={renameBusy}
              onConfirm={(t) => void rename(renaming.id, t)}
              onCancel={() => setRenaming(null)}
            />
          )}
          <ConfirmDialog
            open={deleting !== null}
            title={deleting ? `Delete scenario “${deleting.title}” (${deleting.id})?` : 'Delete scenario'}
            action="Delete scenario"
            onConfirm={() => deleting && void remove(deleting.id)}
            onCancel={() => setDeleting(null)}
          >
            {deleting && (
              <>
                <p>
                  The scenario “{deleting.title}” ({deleting.id}), based on {deleting.basedOn}, is removed
                  from the ledger and from every pack list: it can no longer be chosen to evaluate or compare
                  deals.
                </p>
                <p>
                  The deletion is recorded in the audit trail with the scenario’s base pack and edits.
                  Determinations already stored under it are kept as they were recorded (each names the pack
                  id and its hash); reserved and committed capacity is not changed.
                </p>
              </>
            )}
          </ConfirmDialog>
        </div>
      </div>

      <div className="panel compare" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare the deal book under two rule versions</h2>
        <div className="compare-controls">
          <PackSelect id="compare-left" label="Pack A" value={left} packs={packs} onChange={setLeft} />
          <PackSelect id="compare-right" label="Pack B" value={right} packs={packs} onChange={setRight} />
          <label className="check">
            <input
              type="checkbox"
              checked={includeClosed}
              onChange={(e) => setIncludeClosed(e.target.checked)}
            />{' '}
            Include closed, rejected and cancelled deals
          </label>
          <p className="muted small" data-testid="compare-running-note">
            The box only decides which deals are listed. Under both packs, every deal that holds capacity (in
            review, approved, licensed, shipped or closed) counts against the caps in date order, so a closed
            deal’s licence still uses its destination’s allocation; draft, returned, rejected and cancelled
            deals hold none and count against nothing.
          </p>
          <button type="button" className="primary" onClick={() => void compare()} disabled={comparing}>
            {comparing ? 'Comparing…' : 'Compare'}
          </button>
        </div>
        {result && (
          <>
            <p data-testid="compare-summary">
              {formatInt(result.changedCount)} of {formatInt(result.total)} deals
              {includeClosed ? '' : ' (closed, rejected and cancelled left out)'} get a different answer under{' '}
              {result.right.packId} than under {result.left.packId}, each deal on its planned ship date.{' '}
              <span className="muted">
                A different answer is a different outcome, licence requirement, authorization or review
                policy; a tier alone is not one.
              </span>
            </p>
            {whatIf.length > 0 && (
              <p className="sample-banner" role="note" data-testid="compare-what-if">
                What-if: {whatIf.join(' and ')} {whatIf.length > 1 ? 'are scenarios' : 'is a scenario'}, not
                rules in force. These answers are not the deals’ determinations and change nothing in the
                ledger.
              </p>
            )}
            <table className="compare-outcomes">
              <caption className="muted">Deals by outcome</caption>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col">A: {result.left.packId}</th>
                  <th scope="col">B: {result.right.packId}</th>
                </tr>
              </thead>
              <tbody>
                {Object.keys(result.outcomes.left).map((o) => (
                  <tr key={o}>
                    <th scope="row">{humanize(o)}</th>
                    <td>{result.outcomes.left[o as keyof typeof result.outcomes.left]}</td>
                    <td>{result.outcomes.right[o as keyof typeof result.outcomes.right]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="check">
              <input
                type="checkbox"
                checked={onlyChanged}
                onChange={(e) => setOnlyChanged(e.target.checked)}
              />{' '}
              Only deals whose answer changes
            </label>
            {result.rows.length < result.total && (
              <p className="muted" data-testid="compare-shown">
                The grid lists {formatInt(result.rows.length)} of {formatInt(result.total)} deals, the{' '}
                {result.changedCount > result.rows.length ? 'first changed ones' : 'changed ones first'}; the
                counts above cover every deal.
              </p>
            )}
            <p className="muted small">Double-click a deal, or press Enter on it, to open it in Projects.</p>
            <DataGrid<CompareGridRow>
              gridId="compare"
              rowId={(r) => r.id}
              rowData={rows}
              columnDefs={compareColumns}
              // Opens the deal as Ctrl+K does, so a changed answer can be looked into at once.
              onRowDoubleClicked={(e) => e.data && openDeal(e.data.dealId)}
              onCellKeyDown={(e) => {
                if ((e.event as KeyboardEvent | null)?.key === 'Enter' && e.data) openDeal(e.data.dealId)
              }}
            />
          </>
        )}
      </div>
    </section>
  )
}
