import { useCallback, useEffect, useState } from 'react'
import type { OpInput, OpName, OpOutput } from '../../../../shared/ipc/contract'
import type { PackSummary, ResolvedPack } from '../../../../shared/ipc/ops/packs'
import type { RulePack } from '../../../../shared/rules/types'
import { ApiError, call } from '../../api/client'
import { packInput, useWorkspace } from '../../state/workspace'

export interface Loaded<T> {
  data: T | null
  error: string | null
  /** The core's error code (`not_found`, `invalid_input`, …) when the call failed with one. */
  errorCode: string | null
  loading: boolean
  reload(): void
}

/**
 * Runs a read operation and keeps its answer. The input is compared by value (screens build it
 * inline), and an answer that arrives after the input changed is dropped, so a slow reply for the
 * previous pack never overwrites the current one.
 */
export function useOp<K extends OpName>(name: K, input: OpInput<K> | null): Loaded<OpOutput<K>> {
  const key = input === null ? null : JSON.stringify(input)
  const [state, setState] = useState<{
    key: string | null
    data: OpOutput<K> | null
    error: string | null
    errorCode: string | null
  }>({ key: null, data: null, error: null, errorCode: null })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    if (key === null) return
    let live = true
    call(name, JSON.parse(key) as OpInput<K>).then(
      (data) => live && setState({ key, data, error: null, errorCode: null }),
      (e: Error) =>
        live &&
        setState({
          key,
          data: null,
          error: e.message,
          errorCode: e instanceof ApiError ? e.info.code : null,
        }),
    )
    return () => {
      live = false
    }
  }, [name, key, nonce])
  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return {
    data: state.data,
    error: state.error,
    errorCode: state.errorCode,
    loading: state.key !== key,
    reload,
  }
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

/** The pack the header's selection resolves to (pinned, or the one governing the as-of date), in full. */
export function usePackFrame(): { frame: PackFrame | null; error: string | null } {
  const ws = useWorkspace()
  const [state, setState] = useState<{ frame: PackFrame | null; error: string | null }>({
    frame: null,
    error: null,
  })
  const { packId, asOf } = ws
  useEffect(() => {
    let live = true
    ;(async () => {
      const resolved = await call('packs.resolve', packInput({ packId, asOf }))
      const [pack, summaries] = await Promise.all([getPack(resolved.packId), getPackSummaries()])
      return { resolved, pack, summary: summaries.find((s) => s.id === resolved.packId) }
    })().then(
      (frame) => live && setState({ frame, error: null }),
      (e: Error) => live && setState({ frame: null, error: e.message }),
    )
    return () => {
      live = false
    }
  }, [packId, asOf])
  return state
}
