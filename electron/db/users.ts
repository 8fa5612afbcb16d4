import type { CurrentUser, DeskRole, DeskUser } from '../../shared/domain/user'
import { AppError } from '../../shared/ipc/result'
import { appendAudit } from './audit'
import type { Ledger } from './ledger'
import { asActor, stampOf, stmt, type Actor, type ActorLike, tx } from './statements'

interface UserDbRow {
  name: string
  display_name: string
  role: DeskRole
  active: number
  created_at: string
  created_by: string
}

const toUser = (r: UserDbRow): DeskUser => ({
  name: r.name,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
})

export function listUsers(db: Ledger): DeskUser[] {
  return (stmt(db, 'SELECT * FROM desk_user ORDER BY name').all() as UserDbRow[]).map(toUser)
}

export function getUser(db: Ledger, name: string): DeskUser | undefined {
  const r = stmt(db, 'SELECT * FROM desk_user WHERE name = ?').get(name) as UserDbRow | undefined
  return r ? toUser(r) : undefined
}

export function createUser(
  db: Ledger,
  who: ActorLike,
  input: { name: string; displayName?: string; role: DeskRole },
): DeskUser {
  return tx(db, () => {
    if (getUser(db, input.name)) {
      throw new AppError('conflict', `A desk user named ${input.name} already exists.`, [
        { path: 'name', message: 'already exists' },
      ])
    }
    const at = stampOf(who)
    stmt(
      db,
      'INSERT INTO desk_user (name, display_name, role, active, created_at, created_by) VALUES (?, ?, ?, 1, ?, ?)',
    ).run(input.name, input.displayName ?? input.name, input.role, at, asActor(who).name)
    const user = getUser(db, input.name)!
    appendAudit(db, who, { operation: 'user.create', entity: 'user', entityId: user.name, after: user })
    return user
  })
}

/**
 * The desk user behind an action. The OS user is registered as a preparer on their first write, so a
 * fresh install works without set-up while approvals still need a registered reviewer. A deactivated
 * user (the sample's, once it is removed) can no longer act: their name stays in the record only for
 * what they did before.
 */
export function ensureUser(db: Ledger, who: ActorLike): DeskUser {
  const name = asActor(who).name
  return refuseInactive(db, name) ?? createUser(db, who, { name, role: 'preparer' })
}

/** The desk user `name`, if registered; refused (forbidden) when deactivated. */
export function refuseInactive(db: Ledger, name: string): DeskUser | undefined {
  const user = getUser(db, name)
  if (user && !user.active)
    throw new AppError('forbidden', `${name} is no longer active on the desk: choose who you act as.`, [
      { path: 'actor', message: 'inactive' },
    ])
  return user
}

/**
 * After the ledger under a session changed (a restore, the sample's removal): when the acting user
 * (`who`) can no longer act there and `sessionUser` (the user the session opened as) can, switches to
 * it, registering it if it never wrote, and returns it; else null. Joins the caller's transaction.
 */
export function returnToSessionUser(db: Ledger, who: Actor, sessionUser: string): string | null {
  if (who.name === sessionUser || getUser(db, who.name)?.active !== false) return null
  if (getUser(db, sessionUser)?.active === false) return null
  return tx(db, () => {
    ensureUser(db, { name: sessionUser, now: who.now })
    switchUser(db, who, sessionUser)
    return sessionUser
  })
}

export function currentUser(db: Ledger, name: string): CurrentUser {
  const u = getUser(db, name)
  return u
    ? { name: u.name, displayName: u.displayName, role: u.role, registered: true }
    : { name, displayName: name, role: 'preparer', registered: false }
}

/** Records that the session now acts as `to`; the caller changes the session's actor. */
export function switchUser(db: Ledger, who: ActorLike, to: string): CurrentUser {
  return tx(db, () => {
    const target = getUser(db, to)
    if (!target)
      throw new AppError('not_found', `${to} is not a desk user; add them first.`, [
        { path: 'name', message: 'unknown user' },
      ])
    if (!target.active)
      throw new AppError('forbidden', `${to} is no longer active on the desk.`, [
        { path: 'name', message: 'inactive' },
      ])
    appendAudit(db, who, {
      operation: 'user.switch',
      entity: 'user',
      entityId: to,
      before: { actor: asActor(who).name },
      after: { actor: to },
    })
    return currentUser(db, to)
  })
}
