import type { MemoRequirement } from '../../shared/ipc/ops/reports'
import type { Determination, RulePack } from '../../shared/rules/types'

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Recordkeeping applies to every export record, whatever the authorization. */
const RECORDS: MemoRequirement = {
  text: 'Keep this memo and the transaction records for five years from the export.',
  citation: '15 CFR 762.6',
}

/**
 * What the chosen authorization obliges the exporter to do, each with the pack's citation. The
 * notice duty of LPP is read from the pack, where it may be unconfirmed: then the memo says so
 * instead of assuming either way.
 */
export function requirementsOf(
  d: Determination,
  pack: RulePack | undefined,
  licenceNumber: string | null,
): MemoRequirement[] {
  const out: MemoRequirement[] = []
  const x = pack?.exceptions
  const first = (pattern: RegExp) =>
    d.steps.find((s) => pattern.test(s.text))?.citation ?? pack?.source.citation ?? d.packId
  switch (d.authorization) {
    case null:
      out.push({
        text: `Do not ship: the determination is not complete${d.missing.length ? ` (missing ${d.missing.join(', ')})` : ''}. Complete the deal and evaluate again.`,
        citation: first(/missing|not determinable/i),
      })
      break
    case 'NLR':
      out.push({
        text: 'No licence required: the export may proceed under NLR.',
        citation: first(/licen[cs]e/i),
      })
      break
    case 'AIA':
      out.push({
        text: 'Ship under License Exception AIA: destination and the headquarters of consignee and ultimate parent must be in tier 1.',
        citation: x?.aia?.citation ?? first(/AIA/),
      })
      break
    case 'LPP': {
      const cap = pack?.caps.lpp
      out.push({
        text: `Ship under License Exception LPP: counts against the consignee's calendar-year allowance${cap ? ` of ${fmt.format(cap.limitTpp.value)} TPP` : ''}.`,
        citation: cap?.limitTpp.citation ?? x?.lpp?.citation ?? first(/LPP/),
      })
      const notice = x?.lpp?.notificationRequired
      if (notice?.value === true)
        out.push({
          text: 'LPP notice: notify BIS of the shipment as the exception requires.',
          citation: notice.citation,
        })
      else if (notice && notice.value === null)
        out.push({
          text: `LPP notice: whether a notice to BIS is required is unconfirmed (${notice.confidence}); confirm before shipping.`,
          citation: notice.citation,
        })
      break
    }
    case 'NAC': {
      const days = x?.nac?.noticeDays
      out.push({
        text: `NAC notification: notify BIS at least ${days?.value ?? 25} days before the export and ship only if BIS has not objected within that time.`,
        citation: days?.citation ?? x?.nac?.citation ?? first(/NAC/),
      })
      break
    }
    case 'ACA':
      out.push({
        text: 'Ship under ACA (Advanced Computing Authorized): no prior notification is required.',
        citation: x?.aca?.citation ?? first(/ACA/),
      })
      break
    case 'NVEU':
    case 'UVEU': {
      const rule = d.authorization === 'NVEU' ? x?.nveu : x?.uveu
      out.push({
        text: `Ship to the validated end user under its ${d.authorization} authorization; the deployment must stay within the VEU limits shown under the caps.`,
        citation: rule?.citation ?? first(/VEU/),
      })
      break
    }
    case 'STA':
      out.push({
        text: 'Ship under the approved-entity authorization (STA) named for the destination.',
        citation: first(/STA|approved/i),
      })
      break
    case 'LICENSE': {
      const policy = d.reviewPolicy ? d.reviewPolicy.replace(/_/g, ' ') : 'not determinable'
      out.push(
        licenceNumber
          ? {
              text: `Licence ${licenceNumber} has been granted; ship only within its authorized quantity and conditions.`,
              citation: d.reasons[0]?.citation ?? first(/licen[cs]e/i),
            }
          : {
              text: `Licence application: apply to BIS for an individual licence (BIS-748P); expected review policy: ${policy}. Do not ship before it is granted.`,
              citation: d.reasons[0]?.citation ?? first(/licen[cs]e/i),
            },
      )
      break
    }
  }
  for (const w of d.warnings) {
    if (w.code === 'unchecked_condition')
      out.push({
        text: `Confirm before shipping (the engine cannot check it): ${w.message}`,
        citation: first(/certif|condition/i),
      })
  }
  out.push(RECORDS)
  return out
}
