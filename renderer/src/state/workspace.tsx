import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'

/**
 * The analysis frame every screen reads: which rule pack (or `auto`, the pack the timeline says
 * governs `asOf`) and which as-of date. Set from the header; kept for the session.
 */
export interface Workspace {
  /** A pack or scenario id, or `auto`. */
  packId: string
  /** YYYY-MM-DD. */
  asOf: string
  setPackId(id: string): void
  setAsOf(date: string): void
}

const WorkspaceContext = createContext<Workspace | null>(null)

export const todayIso = (): string => {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const STORAGE_KEY = 'headroom.workspace'

function initial(): { packId: string; asOf: string } {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as {
      packId?: string
      asOf?: string
    } | null
    return { packId: saved?.packId ?? 'auto', asOf: saved?.asOf ?? todayIso() }
  } catch {
    return { packId: 'auto', asOf: todayIso() }
  }
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(initial)
  const value = useMemo<Workspace>(() => {
    const update = (next: { packId: string; asOf: string }) => {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      setState(next)
    }
    return {
      ...state,
      setPackId: (packId) => update({ ...state, packId }),
      setAsOf: (asOf) => update({ ...state, asOf }),
    }
  }, [state])
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
}

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext)
  if (!ws) throw new Error('useWorkspace outside WorkspaceProvider')
  return ws
}

/** The workspace as operation input: `auto` is sent as no pack, so main picks it from the timeline. */
export function packInput(ws: Pick<Workspace, 'packId' | 'asOf'>): { packId?: string; asOf: string } {
  return ws.packId === 'auto' ? { asOf: ws.asOf } : { packId: ws.packId, asOf: ws.asOf }
}
