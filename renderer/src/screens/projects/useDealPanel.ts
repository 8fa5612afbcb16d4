import type { GridApi } from 'ag-grid-community'
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { ProjectRow } from '../../../../shared/domain/project'
import { navigate } from '../../shell/routes'
import { useUnsavedWork } from '../../shell/unsavedWork'

/** What the deal panel shows: a saved deal (by id), a new deal, or nothing. */
export type Panel = { deal: string } | 'new' | null

const keyOf = (p: Panel): string => (p === null ? '' : p === 'new' ? 'new' : `deal:${p.deal}`)
const paramsOf = (p: Panel): Record<string, string> | undefined =>
  p === null ? undefined : p === 'new' ? { new: '1' } : { id: p.deal }

export interface DealPanel {
  /** The panel the editor shows: the address's, unless a change of it waits on `asking`. */
  shown: Panel
  /** A change of panel that would throw away unsaved edits, waiting for the officer's answer. */
  asking: { to: Panel } | null
  /** The editor says whether it holds edits not saved. */
  setDirty(dirty: boolean): void
  /** Opens a deal, a new deal or nothing (null closes), asking first if edits would be lost. */
  request(to: Panel): void
  /** Goes there without asking: after a save or a delete nothing is left unsaved. */
  go(to: Panel): void
  /** The answer "Keep editing": the panel stays, and the address goes back to it. */
  keepEditing(): void
  /** The answer "Discard": the edits go, the change asked for goes ahead. */
  discard(): void
}

/**
 * The Projects screen's deal panel, as the address asks (`?id=…`, `?new=1`) but guarded: while the
 * editor holds unsaved edits, a change of deal or closing waits for "Keep editing" or "Discard", from
 * the screen's own controls (a grid row, New deal, ✕, Escape) or from the address itself (Ctrl+K, Back).
 * When the panel closes, keyboard focus goes back to the deal's row in the grid, else to the control
 * that opened the panel, never to the page body.
 */
export function useDealPanel(wanted: Panel, grid: RefObject<GridApi<ProjectRow> | null>): DealPanel {
  const [shown, setShown] = useState<Panel>(wanted)
  const [dirty, setDirty] = useState(false)
  const [asking, setAsking] = useState<{ to: Panel } | null>(null)
  // Leaving the screen, reloading or closing the window would lose the edits too: the shell asks.
  useUnsavedWork(
    !dirty || shown === null
      ? null
      : shown === 'new'
        ? 'The new deal has not been saved.'
        : `Deal ${shown.deal} has changes that are not saved.`,
  )

  // The address changed (a link, Ctrl+K, Back): follow it, unless that loses edits. Reacting to the
  // change only, not to any difference, lets `go` show a panel before the address catches up.
  const wantedKey = keyOf(wanted)
  const [seenKey, setSeenKey] = useState(wantedKey)
  if (wantedKey !== seenKey) {
    setSeenKey(wantedKey)
    if (wantedKey === keyOf(shown)) setAsking(null)
    else if (dirty) setAsking({ to: wanted })
    else setShown(wanted)
  }

  const go = (to: Panel) => {
    setAsking(null)
    setShown(to)
    if (keyOf(to) !== wantedKey) navigate('projects', paramsOf(to))
  }

  // The element that had focus when the panel opened (a grid cell, New deal, a jump's caller).
  const opener = useRef<Element | null>(null)
  const last = useRef<Panel>(shown)
  useEffect(() => {
    const was = last.current
    last.current = shown
    if (was === null && shown !== null) opener.current = document.activeElement
    if (was !== null && shown === null) returnFocus(grid.current, was, opener.current)
  }, [shown, grid])

  return {
    shown,
    asking,
    setDirty,
    go,
    request: (to) => {
      if (keyOf(to) === keyOf(shown)) return
      if (dirty) setAsking({ to })
      else go(to)
    },
    keepEditing: () => {
      if (!asking) return
      setAsking(null)
      // The address moved on its own (Ctrl+K, Back): put it back to the deal still being edited.
      if (wantedKey !== keyOf(shown)) navigate('projects', paramsOf(shown), { replace: true })
    },
    discard: () => {
      if (asking) go(asking.to)
    },
  }
}

/**
 * Focus after the panel closed: the deal's row in the grid (in the column last focused there), when the
 * grid has it loaded; else the control that opened the panel, if it is still on the page.
 */
function returnFocus(api: GridApi<ProjectRow> | null, was: Panel, opener: Element | null): void {
  const node = api && was !== null && was !== 'new' ? api.getRowNode(was.deal) : undefined
  const column = api?.getFocusedCell()?.column ?? api?.getAllDisplayedColumns()[0]
  if (api && node?.rowIndex != null && column) {
    api.ensureIndexVisible(node.rowIndex)
    api.setFocusedCell(node.rowIndex, column)
    return
  }
  if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus()
}
