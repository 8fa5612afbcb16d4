import { useCallback, useEffect, useState } from 'react'
import type { OpInput, OpName, OpOutput } from '../../../../shared/ipc/contract'
import type { PackSummary, ResolvedPack } from '../../../../shared/ipc/ops/packs'
import type { RulePack } from '../../../../shared/rules/types'
import { ApiError, call } from '../../api/client'
import { questionOf, viewOf, type OpView, type Settled } from '../../api/opAnswer'
import { useSession } from '../../shell/session'
import { packInput, useWorkspace } from '../../state/workspace'

export interface Loaded<T, I = unknown> extends OpView<T, I> {
  /** Asks again (after a write of the screen's own); `loading` until the new answer arrives. */
  reload(): void
}

/**
 * Runs a read operation and keeps its answer. The input is compared by value (screens build it
 * inline). The operation is asked again when the input changes, when the session's data change
 * (`dataVersion`: a user switch, a transition, a finished job), and on `reload()`. Until the new
 * answer arrives `data` is null and the earlier answer is only `previous` (`viewOf`): a screen shows
 * a loading state, or keeps the old figures dimmed and says whose they are, but never passes them
 * off as the answer to the new question. An answer that arrives after the question changed is dropped.
 */
export function useOp<K extends OpName>(
  name: K,
  input: OpInput<K> | null,
  {
    delayMs = 0,
  }: {
    /**
     * Waits this long after the question changes before asking, so a screen that asks as the officer
     * types (the custom-chip panel) asks once for "1600", not four times. The question is the new one
     * from the first keystroke: the earlier answer is `previous` during the pause too.
     */
    delayMs?: number
  } = {},
): Loaded<OpOutput<K>, OpInput<K>> {
  const { dataVersion } = useSession()
  const [reloads, setReloads] = useState(0)
  const inputKey = input === null ? null : JSON.stringify(input)
  const question = questionOf(name, input, `${dataVersion}.${reloads}`)
  const [settled, setSettled] = useState<Settled<OpOutput<K>, OpInput<K>> | null>(null)
  useEffect(() => {
    if (question === null || inputKey === null) return
    let live = true
    const sent = JSON.parse(inputKey) as OpInput<K>
    const ask = () =>
      call(name, sent).then(
        (data) => live && setSettled({ question, input: sent, data, error: null, errorCode: null }),
        (e: Error) =>
          live &&
          setSettled({
            question,
            input: sent,
            data: null,
            error: e.message,
            errorCode: e instanceof ApiError ? e.info.code : null,
          }),
      )
    // No timer without a pause: the screens that read once keep asking in the same tick.
    let timer: ReturnType<typeof setTimeout> | undefined
    if (delayMs > 0) timer = setTimeout(ask, delayMs)
    else void ask()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [name, question, inputKey, delayMs])
  const reload = useCallback(() => setReloads((n) => n + 1), [])
  return { ...viewOf(settled, question), reload }
}

export interface PackFrame {
  resolved: ResolvedPack
  summary: PackSummary | undefined
  pack: RulePack
}

const packCache = new Map<string, Promise<RulePack>>()
let summariesPromise: Promise<PackSummary[]> | null = null

/** Packs are read-only data for the session (scenarios get new ids), so one fetch each is enough. */
export function getPack(id: string): Promise<RulePack> {
  let p = packCache.get(id)
  if (!p) {
    p = call('packs.get', { id })
    p.catch(() => packCache.delete(id))
    packCache.set(id, p)
  }
  return p
}

export function getPackSummaries(): Promise<PackSummary[]> {
  summariesPromise ??= call('packs.list', {}).catch((e: unknown) => {
    summariesPromise = null
    throw e
  })
  return summariesPromise
}

/**
 * The pack the header's selection resolves to (pinned, or the one governing the as-of date), in full.
 * Null while the selection is resolved again: the frame of the previous pack or date is not shown as
 * this one's (a screen said "under" the previous pack until the new one arrived).
 */
export function usePackFrame(): { frame: PackFrame | null; error: string | null } {
  const ws = useWorkspace()
  const { packId, asOf } = ws
  const key = `${packId} ${asOf}`
  const [state, setState] = useState<{ key: string | null; frame: PackFrame | null; error: string | null }>({
    key: null,
    frame: null,
    error: null,
  })
  useEffect(() => {
    let live = true
    ;(async () => {
      const resolved = await call('packs.resolve', packInput({ packId, asOf }))
      const [pack, summaries] = await Promise.all([getPack(resolved.packId), getPackSummaries()])
      return { resolved, pack, summary: summaries.find((s) => s.id === resolved.packId) }
    })().then(
      (frame) => live && setState({ key: `${packId} ${asOf}`, frame, error: null }),
      (e: Error) => live && setState({ key: `${packId} ${asOf}`, frame: null, error: e.message }),
    )
    return () => {
      live = false
    }
  }, [packId, asOf])
  return state.key === key ? { frame: state.frame, error: state.error } : { frame: null, error: null }
}
