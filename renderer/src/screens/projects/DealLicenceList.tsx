import { expiryInWords, type DealLicence, type DealLicences } from '../../../../shared/domain/licence-expiry'
import { formatInt, formatTpp } from '../../format'

/**
 * The licences a deal draws on (`licences.forDeal`): each with its expiry, and, while the deal has yet
 * to ship, a warning in words when the licence has expired on the session's date or will have by the
 * deal's planned ship date. The ledger refuses a draw on an expired licence and a shipment under one;
 * said here, the officer knows before taking the step.
 */
export function DealLicenceList({ licences }: { licences: DealLicences }) {
  if (licences.licences.length === 0) return null
  return (
    <div className="deal-licences" data-testid="deal-licences">
      <h3>{licences.licences.length === 1 ? 'Licence' : 'Licences'}</h3>
      <ul>
        {licences.licences.map((l) => (
          <li key={l.number} data-testid="deal-licence">
            <strong>Licence {l.number}</strong> · {drawsInWords(l)}
            {l.licence && (
              <span className="muted">
                {' '}
                · {formatTpp(l.licence.remainingTpp)} TPP and {formatInt(l.licence.remainingUnits)} units left
                of {formatTpp(l.licence.authorizedTpp)} TPP and {formatInt(l.licence.authorizedUnits)} units
              </span>
            )}
            <LicenceExpiryNote licence={l} at={licences} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A licence's expiry for the deal in words: a warning when it stands in the way of the shipment. */
export function LicenceExpiryNote({
  licence,
  at,
}: {
  licence: DealLicence
  at: Pick<DealLicences, 'sessionDate' | 'plannedDate' | 'toShip'>
}) {
  const words = expiryInWords(licence, at)
  return (
    <p
      className={words.warn ? 'licence-expiry warning-licence-expiry small' : 'licence-expiry muted small'}
      data-testid="licence-expiry"
      role={words.warn ? 'alert' : undefined}
    >
      {words.text}
    </p>
  )
}

/** How the deal draws on the licence: granted for it (and what it drew), or held or drawn for it by entry. */
function drawsInWords(l: DealLicence): string {
  const amount = (tpp: number, units: number) => `${formatTpp(tpp)} TPP and ${formatInt(units)} units`
  const drew = l.committedTpp + l.committedUnits > 0 ? amount(l.committedTpp, l.committedUnits) : null
  const holds = l.reservedTpp + l.reservedUnits > 0 ? amount(l.reservedTpp, l.reservedUnits) : null
  if (l.granted) return `granted for this deal${drew ? `, which drew ${drew}` : ''}`
  return [drew && `drawn for this deal: ${drew}`, holds && `held for this deal: ${holds}`]
    .filter(Boolean)
    .join('; ')
}
