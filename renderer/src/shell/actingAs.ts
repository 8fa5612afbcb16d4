import type { CurrentUser, DeskUser } from '../../../shared/domain/user'

export interface ActingAsOption {
  name: string
  label: string
}

/** One label per user, whether they come from the desk list or are the session's own (unregistered) user. */
const actingAsLabel = (u: { displayName: string; role: string }) => `${u.displayName} (${u.role})`

/**
 * The header's "Acting as" choices: the desk's active users in the ledger's order (by name), with the
 * current user in their place by name when the list lacks them (the OS user before their first write,
 * who acts as a preparer). The order never depends on who is acting, so a switch does not reorder it.
 */
export function actingAsOptions(users: readonly DeskUser[], current: CurrentUser | null): ActingAsOption[] {
  const listed: { name: string; displayName: string; role: string }[] = users.filter((u) => u.active)
  if (current && !listed.some((u) => u.name === current.name)) listed.push(current)
  return listed
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((u) => ({ name: u.name, label: actingAsLabel(u) }))
}
