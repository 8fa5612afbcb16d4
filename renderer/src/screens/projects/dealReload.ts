/**
 * What a fresh read of the open deal does to the editor. The ledger is read again whenever anything
 * changes it (a desk user added, a job finished, a step taken in another window), and a read that
 * replaced the form would throw away the officer's edits without a word.
 * - `replace`: nothing unsaved (or another deal): show the record as read.
 * - `refresh`: edits on screen, same version: the record's other parts (history, determination)
 *   may be newer, but the deal's fields are the ones the edits started from, so the edits stay.
 * - `hold`: edits on screen, and the deal was saved elsewhere since: the edits stay with the version
 *   they started from (a save of them is refused as stale, never written over the newer one), and
 *   the newer version waits until the officer asks for it.
 */
export type ReloadAction = 'replace' | 'refresh' | 'hold'

export function reloadAction(
  unsaved: boolean,
  shown: { id: string; version: number } | null,
  read: { id: string; version: number },
): ReloadAction {
  if (!unsaved || !shown || shown.id !== read.id) return 'replace'
  return read.version === shown.version ? 'refresh' : 'hold'
}
