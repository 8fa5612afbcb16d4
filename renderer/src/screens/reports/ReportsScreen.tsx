import { useCallback, useEffect, useId, useState } from 'react'
import type { CountryRow } from '../../../../shared/domain/country'
import {
  DEFAULT_ORIENTATION,
  parseReportRequest,
  reportQuery,
  type ReportKind,
  type ReportRequest,
} from '../../../../shared/ipc/ops/reports'
import type { HeadroomShellApi, PaperOrientation, PaperSize } from '../../../../shared/ipc/shell-print'
import { call } from '../../api/client'
import { PAPERS } from '../../reports/page-setup'
import { ReportView } from '../../reports/ReportView'
import { DealPicker } from './DealPicker'
import { MarkingSetting } from './MarkingSetting'
import { navigate, useRoute } from '../../shell/routes'
import { useWorkspace } from '../../state/workspace'

declare global {
  interface Window {
    /** The desktop shell's print bridge; absent in a browser (then the browser's own print is used). */
    headroomShell?: HeadroomShellApi
  }
}

/** The header's pack and date on a request: country and portfolio figures use them, the others none. */
function framed(request: ReportRequest, ws: { packId: string; asOf: string }): ReportRequest {
  const next = { ...request }
  if (next.kind === 'country' || next.kind === 'portfolio') {
    next.packId = ws.packId === 'auto' ? undefined : ws.packId
    next.asOf = ws.asOf
  } else {
    next.packId = undefined
    next.asOf = undefined
  }
  return next
}

const addressOf = (request: ReportRequest): string => new URLSearchParams(reportQuery(request)).toString()

const KINDS: Array<{ id: ReportKind; label: string }> = [
  { id: 'memo', label: 'Determination memo' },
  { id: 'country', label: 'Country headroom statement' },
  { id: 'portfolio', label: 'Portfolio report' },
  { id: 'audit', label: 'Audit extract' },
]

/**
 * Pick a report and its parameters, preview it as paper, then print it or save it as PDF. The
 * request lives in the route (`#/reports?kind=memo&project=…`), which is also the address the CLI
 * prints from, so the preview, the printout and `headroom report` are the same view.
 */
export function ReportsScreen() {
  const { params } = useRoute('reports')
  const ws = useWorkspace()
  const request = parseReportRequest(params)
  const [countries, setCountries] = useState<CountryRow[]>([])
  const [documentNumber, setDocumentNumber] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  // Bumped when the marking changes so the preview reloads with it.
  const [revision, setRevision] = useState(0)
  const ids = {
    kind: useId(),
    country: useId(),
    from: useId(),
    to: useId(),
    paper: useId(),
    orientation: useId(),
  }

  // The country picker loads only when its report needs it; deals are searched (DealPicker), never listed.
  const kind = request?.kind ?? 'portfolio'
  const needsCountries = kind === 'country'
  useEffect(() => {
    if (needsCountries) call('countries.list', {}).then(setCountries, () => setCountries([]))
  }, [needsCountries])

  // The header's pack and date frame headroom figures, as on every other screen, and follow it when it
  // changes: an officer must never print under a pack other than the one the header shows. A window
  // opened at a report's address (the CLI's print) starts with the header at that address's pack and
  // date (state/workspace), so the address's own frame is printed without a special case here.
  // Opened bare from the menu, the screen starts on the portfolio.
  const asked: ReportRequest = request ?? {
    kind: 'portfolio',
    paper: 'a4',
    orientation: DEFAULT_ORIENTATION.portfolio,
  }
  const effective = framed(asked, ws)
  // The address says what is printed (a reload or a copied link prints the same): rewrite it in place,
  // without a history entry, when the header moves it on. A bare address stays bare.
  const current = request && addressOf(request)
  const wanted = addressOf(effective)
  useEffect(() => {
    if (current !== null && current !== wanted)
      navigate('reports', new URLSearchParams(wanted), { replace: true })
  }, [current, wanted])
  const update = (change: Partial<ReportRequest>) => {
    const next: ReportRequest = framed({ ...effective, ...change }, ws)
    if (change.kind && change.kind !== effective.kind && !change.orientation)
      next.orientation = DEFAULT_ORIENTATION[change.kind]
    navigate('reports', reportQuery(next))
  }

  const onLoaded = useCallback((doc: string | null) => setDocumentNumber(doc), [])

  const shell = window.headroomShell
  const print = async () => {
    setMessage(null)
    if (!shell) {
      window.print()
      return
    }
    const result = await shell.printToPdf({
      paper: effective.paper,
      orientation: effective.orientation,
      suggestedName: `${documentNumber ?? 'headroom-report'}.pdf`,
    })
    if (result.ok) setMessage(`Saved ${result.path}`)
    else if (!result.cancelled) setMessage(`Could not save the PDF: ${result.message ?? 'unknown error'}`)
  }

  const k = effective.kind
  return (
    <section className="screen reports-screen" aria-label="Reports">
      <header className="screen-header no-print">
        <h1>Reports</h1>
        <span className="muted">
          Preview as printed; marking and page numbers appear on every printed page.
        </span>
      </header>
      <form className="reports-controls" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.kind}>
          Report
          <select id={ids.kind} value={k} onChange={(e) => update({ kind: e.target.value as ReportKind })}>
            {KINDS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {(k === 'memo' || k === 'audit') && (
          <DealPicker
            label={k === 'audit' ? 'Deal (optional)' : 'Deal'}
            value={effective.projectId}
            emptyLabel={k === 'audit' ? 'All events' : 'No deal chosen'}
            onChange={(projectId) => update({ projectId })}
          />
        )}
        {k === 'country' && (
          <label htmlFor={ids.country}>
            Country
            <select
              id={ids.country}
              value={effective.country ?? ''}
              onChange={(e) => update({ country: e.target.value || undefined })}
            >
              <option value="">Choose a country…</option>
              {countries.map((c) => (
                <option key={c.iso2} value={c.iso2}>
                  {c.name} ({c.iso2})
                </option>
              ))}
            </select>
          </label>
        )}
        {k === 'audit' && (
          <>
            <label htmlFor={ids.from}>
              From
              <input
                id={ids.from}
                type="date"
                value={effective.from ?? ''}
                onChange={(e) => update({ from: e.target.value || undefined })}
              />
            </label>
            <label htmlFor={ids.to}>
              To
              <input
                id={ids.to}
                type="date"
                value={effective.to ?? ''}
                onChange={(e) => update({ to: e.target.value || undefined })}
              />
            </label>
          </>
        )}
        <label htmlFor={ids.paper}>
          Paper
          <select
            id={ids.paper}
            value={effective.paper}
            onChange={(e) => update({ paper: e.target.value as PaperSize })}
          >
            {Object.entries(PAPERS).map(([id, p]) => (
              <option key={id} value={id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.orientation}>
          Orientation
          <select
            id={ids.orientation}
            value={effective.orientation}
            onChange={(e) => update({ orientation: e.target.value as PaperOrientation })}
          >
            <option value="portrait">Portrait</option>
            <option value="landscape">Landscape</option>
          </select>
        </label>
        <div className="actions">
          <button type="button" onClick={() => void print()} disabled={!documentNumber}>
            {shell ? 'Save as PDF…' : 'Print…'}
          </button>
        </div>
      </form>
      {message && (
        <p className="muted no-print" role="status">
          {message}
        </p>
      )}
      <MarkingSetting onSaved={() => setRevision((r) => r + 1)} />
      <div className="reports-preview">
        <ReportView key={revision} request={effective} onLoaded={onLoaded} />
      </div>
    </section>
  )
}
