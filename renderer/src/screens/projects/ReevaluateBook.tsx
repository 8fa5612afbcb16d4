import { useState } from 'react'
import type { ReevaluationResult } from '../../../../shared/ipc/ops/jobs'
import { jobProgress, useJob } from '../../api/useJob'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { JobEnded } from '../../components/JobEnded'
import { ProgressDialog } from '../../components/ProgressDialog'
import { formatInt, humanize } from '../../format'
import { useSession } from '../../shell/session'
import { useWorkspace } from '../../state/workspace'

const CANCEL_NOTE =
  'One transaction: every deal not yet shipped is refreshed, or none is. Cancel leaves the ledger as it was.'

type Summary = { ok: boolean; text: string; details: string[] }

function summaryOf(r: ReevaluationResult, packLabel: string): Summary {
  const details = Object.entries(r.byOutcome)
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${humanize(outcome)}: ${formatInt(n)}`)
  if (r.skipped) details.push(`Not evaluated (no pack governs the date): ${formatInt(r.skipped)}`)
  return {
    ok: true,
    text:
      `Re-evaluated ${formatInt(r.evaluated)} deals not yet shipped under ${packLabel}: ` +
      (r.changed === 0
        ? 'no outcome changed.'
        : `${formatInt(r.changed)} ${r.changed === 1 ? 'outcome' : 'outcomes'} changed (each with a stored determination).`),
    details,
  }
}

/**
 * "Re-evaluate book…": refreshes every deal not yet shipped: its stored determination summary under the header's
 * pack, against the ledger's current balances, as a background job with progress and Cancel. Capacity
 * is not moved: reservations and commitments are records of decisions already taken.
 */
export function ReevaluateBook({ onDone }: { onDone(): void }) {
  const ws = useWorkspace()
  const session = useSession()
  const job = useJob()
  const [confirming, setConfirming] = useState(false)
  const [summary, setSummary] = useState<Summary | null>(null)

  const scenario = session.packs.find((p) => p.id === ws.packId && p.scenario)
  const packLabel =
    ws.packId === 'auto'
      ? 'the pack in force on each deal’s date (auto)'
      : scenario
        ? `${ws.packId} (scenario: ${scenario.title})`
        : ws.packId

  const start = async () => {
    setConfirming(false)
    setSummary(null)
    try {
      const end = await job.run({ kind: 'reevaluate', packId: ws.packId, scope: 'open' })
      if (end.state === 'cancelled')
        setSummary({ ok: true, text: 'Re-evaluation cancelled; nothing was written.', details: [] })
      else if (end.state === 'failed' || end.kind !== 'reevaluate' || !end.result)
        setSummary({
          ok: false,
          text: end.error?.message ?? 'The re-evaluation failed; nothing was written.',
          details: [],
        })
      else {
        setSummary(summaryOf(end.result, packLabel))
        onDone()
      }
    } catch (e) {
      setSummary({ ok: false, text: (e as Error).message, details: [] })
    }
  }

  return (
    <>
      <button type="button" onClick={() => setConfirming(true)} disabled={job.running}>
        Re-evaluate book…
      </button>
      <ConfirmDialog
        open={confirming}
        title="Re-evaluate the book"
        action="Re-evaluate"
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Re-evaluate every deal not yet shipped under{' '}
          <strong data-testid="reevaluate-pack">{packLabel}</strong>?
        </p>
        <p className="muted small">
          Each deal is evaluated against the ledger’s current balances and its row refreshed; where the
          outcome changes, the determination is stored with the deal. Shipped, closed, rejected and cancelled
          deals keep theirs: it is the record of what was decided. No capacity is reserved, released or
          committed.
        </p>
      </ConfirmDialog>
      <ProgressDialog
        progress={
          job.running
            ? jobProgress('Re-evaluating the book', job, {
                working: 'Re-evaluating',
                cancelNote: CANCEL_NOTE,
              })
            : null
        }
        onCancel={job.cancel}
      />
      {summary && (
        <JobEnded alert={!summary.ok} onDismiss={() => setSummary(null)}>
          <div>
            {summary.text}
            {summary.details.length > 0 && (
              <ul className="inline-list" aria-label="Open deals by outcome">
                {summary.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        </JobEnded>
      )}
    </>
  )
}
