import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { frameFromAddress } from './address-frame'

/**
 * The analysis frame every screen reads: which rule pack (or `auto`, the pack the timeline says
 * governs `asOf`) and which as-of date. Set from the header; kept for the session. A window opened at
 * a report's address (`headroom report` prints from one) starts under the pack and date it names, so
 * the header and the report agree from the first render.
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

function saved(): { packId?: string; asOf?: string } | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as {
      packId?: string
      asOf?: string
    } | null
  } catch {
    return null
  }
}

const save = (frame: { packId: string; asOf: string }) =>
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(frame))

function initial(): { packId: string; asOf: string } {
  const address = frameFromAddress(window.location.hash)
  const session = saved()
  const frame = {
    packId: address?.packId ?? session?.packId ?? 'auto',
    asOf: address?.asOf ?? session?.asOf ?? todayIso(),
  }
  // An address's frame is kept for the session as a header choice is (a reload elsewhere keeps it); an
  // untouched frame is not saved, so a reload after midnight still starts on the new day.
  if (address) save(frame)
  return frame
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(initial)
  const value = useMemo<Workspace>(() => {
    const update = (next: { packId: string; asOf: string }) => {
      save(next)
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
