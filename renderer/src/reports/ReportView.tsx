import { useEffect, useState } from 'react'
import type {
  AuditReport,
  CountryReport,
  MemoReport as MemoData,
  PortfolioReport as PortfolioData,
  ReportRequest,
} from '../../../shared/ipc/ops/reports'
import { ApiError, call } from '../api/client'
import { AuditExtract } from './AuditExtract'
import { CountryStatement } from './CountryStatement'
import { MemoReport } from './MemoReport'
import { missingParameter } from './page-setup'
import { PortfolioReport } from './PortfolioReport'

type Loaded =
  | { kind: 'memo'; data: MemoData }
  | { kind: 'country'; data: CountryReport }
  | { kind: 'portfolio'; data: PortfolioData }
  | { kind: 'audit'; data: AuditReport }

async function load(r: ReportRequest): Promise<Loaded> {
  const pack = { ...(r.packId ? { packId: r.packId } : {}), ...(r.asOf ? { asOf: r.asOf } : {}) }
  switch (r.kind) {
    case 'memo':
      return { kind: 'memo', data: await call('reports.memo', { projectId: r.projectId ?? '' }) }
    case 'country':
      return { kind: 'country', data: await call('reports.country', { country: r.country ?? '', ...pack }) }
    case 'portfolio':
      return { kind: 'portfolio', data: await call('reports.portfolio', pack) }
    case 'audit':
      return {
        kind: 'audit',
        data: await call('reports.audit', {
          ...(r.projectId ? { projectId: r.projectId } : {}),
          ...(r.from ? { from: r.from } : {}),
          ...(r.to ? { to: r.to } : {}),
        }),
      }
  }
}

/** Data keys of a request: paper and orientation change the layout, not the data. */
const dataKey = (r: ReportRequest) =>
  JSON.stringify([r.kind, r.projectId, r.country, r.packId, r.asOf, r.from, r.to])

/**
 * Loads one report and draws it. The document carries `data-report-ready="true"` once drawn (the
 * CLI waits for it before printing); a failure is drawn with `data-report-error` so the CLI can
 * stop at once with the reason instead of timing out.
 */
export function ReportView({
  request,
  onLoaded,
}: {
  request: ReportRequest
  onLoaded?: (documentNumber: string | null) => void
}) {
  const key = dataKey(request)
  const [state, setState] = useState<{ key: string; loaded?: Loaded; error?: string; code?: string } | null>(
    null,
  )
  const missing = missingParameter(request)

  useEffect(() => {
    if (missing) return
    let live = true
    load(request).then(
      (loaded) => live && setState({ key, loaded }),
      (error: unknown) =>
        live &&
        setState({
          key,
          error: error instanceof Error ? error.message : String(error),
          code: error instanceof ApiError ? error.info.code : 'internal',
        }),
    )
    return () => {
      live = false
    }
    // The request is captured by its data key; paper or orientation changes need no reload.
  }, [key, missing])

  const current = state?.key === key ? state : null
  useEffect(() => {
    onLoaded?.(current?.loaded ? current.loaded.data.header.documentNumber : null)
  }, [current, onLoaded])

  if (missing) return <p className="muted no-print">{missing}</p>
  if (!current)
    return (
      <p className="muted no-print" aria-busy="true">
        Preparing the report…
      </p>
    )
  if (current.error) {
    return (
      <p
        className="error"
        role="alert"
        data-report-error={current.error}
        data-report-error-code={current.code}
      >
        The report could not be produced: {current.error}
      </p>
    )
  }
  const { paper, orientation } = request
  const l = current.loaded!
  switch (l.kind) {
    case 'memo':
      return <MemoReport data={l.data} paper={paper} orientation={orientation} />
    case 'country':
      return <CountryStatement data={l.data} paper={paper} orientation={orientation} />
    case 'portfolio':
      return <PortfolioReport data={l.data} paper={paper} orientation={orientation} />
    case 'audit':
      return <AuditExtract data={l.data} paper={paper} orientation={orientation} />
  }
}
