import type { BucketKind, HeadroomRow } from '../../../shared/domain/headroom'
import { bucketName } from '../../../shared/rules/buckets'
import { DASH, formatPct, formatTpp } from '../format'
import { limitFromWords } from '../screens/headroom/board'

/**
 * The kinds whose rows carry a validated end user's installed base (`HeadroomRow.installedBase`): the
 * cap is on the VEU's compute in the country, so the base counts in remaining and % used (15 CFR 748.15).
 */
const WITH_INSTALLED_BASE: ReadonlySet<BucketKind> = new Set(['nveu', 'uveu_country'])

/**
 * Capacity buckets with their running totals, as the portfolio and country reports print them. A table
 * with a VEU deployment row shows the Installed base column, as the Headroom board does, so the row
 * adds up: remaining = limit − installed base − committed − reserved.
 *
 * `limitFrom`: the report is printed under a what-if scenario, whose limits replace the recorded ones
 * for allocations and LPP only; each row then names whose limit it is measured against, as the board's
 * Limit from column does, so a VEU cap as recorded does not read as the scenario's, nor the reverse.
 */
export function BucketTable({ rows, limitFrom = false }: { rows: HeadroomRow[]; limitFrom?: boolean }) {
  const withBase = rows.some((b) => WITH_INSTALLED_BASE.has(b.kind))
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>Bucket</th>
            <th>Period</th>
            <th className="num">Limit</th>
            {limitFrom && <th>Limit from</th>}
            {withBase && <th className="num">Installed base</th>}
            <th className="num">Committed</th>
            <th className="num">Reserved</th>
            <th className="num">Remaining</th>
            <th className="num">Used</th>
            <th>Alert</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.bucket}>
              <td>{bucketName(b.bucket)}</td>
              <td>{b.period ?? DASH}</td>
              <td className="num">{formatTpp(b.limit)}</td>
              {limitFrom && <td>{limitFromWords(b) ?? DASH}</td>}
              {withBase && (
                <td className="num">{WITH_INSTALLED_BASE.has(b.kind) ? formatTpp(b.installedBase) : DASH}</td>
              )}
              <td className="num">{formatTpp(b.committed)}</td>
              <td className="num">{formatTpp(b.reserved)}</td>
              <td className={`num${b.remaining != null && b.remaining < 0 ? ' bad' : ''}`}>
                {formatTpp(b.remaining)}
              </td>
              <td className="num">{formatPct(b.pctUsed)}</td>
              <td>{b.alertLevel === 'none' ? DASH : `${b.alertLevel}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {withBase && (
        <p className="note">
          Remaining is the limit less the installed base, committed and reserved: a validated end user’s
          compute already in place in the country counts against its cap.
        </p>
      )}
    </>
  )
}
