import { useId, useState } from 'react'
import { useWorkspace } from '../state/workspace'
import { actingAsOptions } from './actingAs'
import { AddUserDialog } from './AddUserDialog'
import { useSession } from './session'

const REGIME: Record<string, string> = {
  ai_diffusion: 'AI diffusion (tiers)',
  advanced_computing: 'Advanced computing',
}
const STATUS: Record<string, string> = {
  as_written: 'as written',
  enforced: 'enforced',
  scenario: 'scenario',
}

/**
 * The analysis frame for every screen: the rule pack (auto from the timeline, or pinned) and the
 * as-of date, with the pack actually in force spelled out so nobody reads a screen under the wrong
 * rules; and who the desk is acting as.
 */
export function Header() {
  const ws = useWorkspace()
  const session = useSession()
  const packSel = useId()
  const asOfId = useId()
  const userSel = useId()
  const [userError, setUserError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const inForce = session.resolved
  const autoTitle =
    ws.packId !== 'auto' ? '' : inForce ? ` → ${inForce.packId}` : session.resolveError ? ' → no pack' : ''

  return (
    <header className="app-header" aria-label="Workspace">
      <div className="field-inline">
        <label htmlFor={packSel}>Rule pack</label>
        <select id={packSel} value={ws.packId} onChange={(e) => ws.setPackId(e.target.value)}>
          <option value="auto">Auto (timeline){autoTitle}</option>
          {session.packs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
              {p.scenario ? ' (scenario)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={asOfId}>As of</label>
        <input
          id={asOfId}
          type="date"
          value={ws.asOf}
          required
          onChange={(e) => e.target.value && ws.setAsOf(e.target.value)}
        />
      </div>
      <div className="pack-in-force" data-testid="pack-in-force" aria-live="polite">
        {inForce ? (
          <>
            <span className={`pill ${inForce.auto ? 'pill-auto' : 'pill-pinned'}`}>
              {inForce.auto ? 'Auto' : 'Pinned'}
            </span>{' '}
            <strong title={inForce.title}>{inForce.packId}</strong>
            {inForce.summary && (
              <span className="muted"> · {REGIME[inForce.summary.regime] ?? inForce.summary.regime}</span>
            )}
            {inForce.summary?.status && (
              <span className="muted"> · {STATUS[inForce.summary.status] ?? inForce.summary.status}</span>
            )}
          </>
        ) : session.resolveError ? (
          // The core's words ("No rule pack governs 2024-01-01; pin a pack to analyse that date").
          <span className="error" data-testid="no-pack-in-force">
            {session.resolveError}
          </span>
        ) : (
          <span className="muted">{session.error ?? 'Resolving pack…'}</span>
        )}
      </div>
      <div className="header-user">
        {session.user ? (
          <>
            <label htmlFor={userSel}>Acting as</label>
            <select
              id={userSel}
              value={session.user.name}
              onChange={(e) => {
                setUserError(null)
                session.switchUser(e.target.value).catch((err: Error) => setUserError(err.message))
              }}
            >
              {actingAsOptions(session.users, session.user).map((u) => (
                <option key={u.name} value={u.name}>
                  {u.label}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setAdding(true)}>
              Add desk user…
            </button>
            <AddUserDialog
              open={adding}
              onClose={() => setAdding(false)}
              onAdded={() => {
                setAdding(false)
                session.bumpData()
              }}
            />
            {userError && (
              <span role="alert" className="error">
                {userError}
              </span>
            )}
          </>
        ) : (
          <span className="muted">No desk user</span>
        )}
      </div>
    </header>
  )
}
