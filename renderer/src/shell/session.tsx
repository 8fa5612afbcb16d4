import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CurrentUser, DeskUser } from '../../../shared/domain/user'
import type { PackSummary, ResolvedPack } from '../../../shared/ipc/ops/packs'
import { call } from '../api/client'
import { packInput, useWorkspace } from '../state/workspace'

/**
 * Who is acting and which pack is actually in force for the workspace. Screens read the resolved
 * pack (not just `auto`) so they can show it, hide the tier column under untiered packs, and so on.
 */
export interface Session {
  user: CurrentUser | null
  users: DeskUser[]
  packs: PackSummary[]
  /** The pack the header's selection resolves to for the as-of date; null while resolving or when none does. */
  resolved: (ResolvedPack & { summary: PackSummary | null }) | null
  /**
   * Why the selection resolves to no pack (e.g. `auto` on a date before the timeline's first period).
   * Kept apart from `error` so the header never shows the previous date's pack beside it.
   */
  resolveError: string | null
  /** Bumped after anything that changes what screens show (user switch, a transition). */
  dataVersion: number
  bumpData(): void
  switchUser(name: string): Promise<void>
  error: string | null
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const ws = useWorkspace()
  const [user, setUser] = useState<CurrentUser | null>(null)
  const [users, setUsers] = useState<DeskUser[]>([])
  const [packs, setPacks] = useState<PackSummary[]>([])
  const [resolved, setResolved] = useState<ResolvedPack | null>(null)
  const [dataVersion, setDataVersion] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [resolveError, setResolveError] = useState<string | null>(null)

  // Reloaded with the data so a scenario made on another screen shows up in the pack selector.
  useEffect(() => {
    call('packs.list', {}).then(setPacks, (e: Error) => setError(e.message))
  }, [dataVersion])

  useEffect(() => {
    // Users arrive with the ledger's user operations; without them the header just shows no user.
    call('users.current', {}).then(setUser, () => setUser(null))
    call('users.list', {}).then(setUsers, () => setUsers([]))
  }, [dataVersion])

  useEffect(() => {
    let live = true
    // A selection that resolves to no pack drops the previous one, so the header never names a pack
    // for a date it does not govern.
    call('packs.resolve', packInput(ws)).then(
      (r) => live && (setResolved(r), setResolveError(null)),
      (e: Error) => live && (setResolved(null), setResolveError(e.message)),
    )
    return () => {
      live = false
    }
  }, [ws.packId, ws.asOf])

  const bumpData = useCallback(() => setDataVersion((v) => v + 1), [])
  const switchUser = useCallback(async (name: string) => {
    setUser(await call('users.switch', { name }))
    setDataVersion((v) => v + 1)
  }, [])

  const value = useMemo<Session>(
    () => ({
      user,
      users,
      packs,
      resolved: resolved
        ? { ...resolved, summary: packs.find((p) => p.id === resolved.packId) ?? null }
        : null,
      resolveError,
      dataVersion,
      bumpData,
      switchUser,
      error,
    }),
    [user, users, packs, resolved, resolveError, dataVersion, bumpData, switchUser, error],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}
