import { isoDateField } from '../../../shared/ipc/ops/fields'
import { parseReportRequest } from '../../../shared/ipc/ops/reports'
import { parseRoute } from '../shell/routes'

/**
 * The pack and as-of date an address states, if it states them: a country or portfolio report's
 * address (`#/reports?kind=country&country=MY&pack=…&asOf=…`, what `headroom report` prints from and
 * what the Reports screen keeps its address at). Its missing pack is the timeline's (`auto`), as the
 * screen writes it; its missing date is left to the caller. Any other address states no frame.
 */
export function frameFromAddress(hash: string): { packId: string; asOf?: string } | null {
  const { screen, params } = parseRoute(hash)
  if (screen !== 'reports') return null
  const request = parseReportRequest(params)
  if (request?.kind !== 'country' && request?.kind !== 'portfolio') return null
  const asOf = request.asOf && isoDateField.safeParse(request.asOf).success ? request.asOf : undefined
  return { packId: request.packId ?? 'auto', ...(asOf ? { asOf } : {}) }
}
