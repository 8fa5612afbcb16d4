import { useEffect, useId, useState } from 'react'
import type { DealLicences } from '../../../../shared/domain/licence-expiry'
import { REASON_REQUIRED, type ProjectDetail, type ProjectStatus } from '../../../../shared/domain/project'
import type { CurrentUser } from '../../../../shared/domain/user'
import { STATUS_LABEL } from '../../components/StatusChip'
import { ReasonDialog, type ReasonRequest } from '../../components/ReasonDialog'
import { call } from '../../api/client'
import { LicenceExpiryNote } from './DealLicenceList'
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
  const [licenceExpires, setLicenceExpires] = useState('')
  const noteId = useId()
  const p = detail.project
  const candidate = useLicenceCandidate(p.id, pending?.to === 'licensed' ? licenceNo.trim() : '')
  // A licence not in the ledger yet is recorded by this step: its expiry can be given with it, so the
  // ledger can hold a shipment to it and the panel can warn before the ship date.
  const newLicence = candidate?.candidate?.expiry === 'not_recorded'
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
    setBusy(true)
    try {
      await onTransition(
        pending.to,
        reason || undefined,
        pending.to === 'licensed'
          ? {
              number: licenceNo.trim(),
              ...(newLicence && licenceExpires ? { expiresOn: licenceExpires } : {}),
            }
          : undefined,
      )
      setPending(null)
      setLicenceNo('')
      setLicenceExpires('')
    } catch (e) {
      // The ledger's refusal (four eyes, stale version, a missing reason) is shown where the user acted.
      setError((e as Error).message)
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
        error={error}
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
        {pending?.to === 'licensed' && newLicence && (
          <label>
            Expires on{' '}
            <input type="date" value={licenceExpires} onChange={(e) => setLicenceExpires(e.target.value)} />
          </label>
        )}
      </ReasonDialog>
    </div>
  )
}

/** The licence Record licence sends: its number and, for a licence not yet in the ledger, its expiry. */
export interface LicenceGrant {
  number: string
  expiresOn?: string
}

/**
 * The licence typed at Record licence, read as the deal would draw on it (`licences.forDeal` with the
 * number), once typing pauses; null while nothing is typed or the read has not answered for it.
 */
function useLicenceCandidate(dealId: string, number: string): DealLicences | null {
  const [read, setRead] = useState<{ key: string; value: DealLicences } | null>(null)
  const key = `${dealId}\u0000${number}`
  useEffect(() => {
    if (!number) return
    let live = true
    const t = setTimeout(() => {
      call('licences.forDeal', { id: dealId, number }).then(
        (value) => live && setRead({ key, value }),
        // A number the contract refuses (too long) is not a licence the ledger could hold: say nothing.
        () => undefined,
      )
    }, 300)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [dealId, number, key])
  return number && read?.key === key ? read.value : null
}

/** What the dialog says of the licence typed: a new one is recorded; a recorded one shows its expiry. */
function CandidateNote({ candidate }: { candidate: DealLicences }) {
  const c = candidate.candidate
  if (!c) return null
  if (c.expiry === 'not_recorded')
    return (
      <p className="muted small" data-testid="licence-candidate">
        Licence {c.number} is not in the ledger yet: recording it here records it for this deal, with the
        expiry date given below (none if left empty).
      </p>
    )
  return (
    <div data-testid="licence-candidate">
      <LicenceExpiryNote licence={c} at={candidate} />
    </div>
  )
}
