import {
  operationNames,
  type HeadroomApi,
  type OpInput,
  type OpName,
  type OpOutput,
} from '../../../shared/ipc/contract'
import type { ErrorInfo, Result } from '../../../shared/ipc/result'

/**
 * The renderer's only door to the core. Inside Electron it is the preload bridge (`window.headroom`);
 * in a browser it is the loopback host's HTTP API. Nothing else in the renderer knows which.
 */
declare global {
  interface Window {
    headroom?: HeadroomApi
  }
}

const TOKEN_KEY = 'headroom.token'

function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    // Keep the token out of the address bar, history and screenshots.
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpBridge(): HeadroomApi {
  const token = takeToken()
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
  for (const name of operationNames) {
    api[name] = async (input) => {
      try {
        const response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': token },
          body: JSON.stringify(input ?? {}),
        })
        return (await response.json()) as Result<unknown>
      } catch (error) {
        return {
          ok: false,
          error: { code: 'internal', message: `The Headroom host did not answer: ${String(error)}` },
        }
      }
    }
  }
  return api as unknown as HeadroomApi
}

export const hostKind: 'electron' | 'browser' = window.headroom ? 'electron' : 'browser'
const bridge: HeadroomApi = window.headroom ?? httpBridge()

export class ApiError extends Error {
  readonly info: ErrorInfo
  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'ApiError'
    this.info = info
  }
}

/** Calls an operation and answers with the envelope; never throws. */
export function callResult<K extends OpName>(name: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  const fn = bridge[name] as unknown as (input: OpInput<K>) => Promise<Result<OpOutput<K>>>
  return fn(input)
}

/** Calls an operation and returns its value, throwing `ApiError` on a failed envelope. */
export async function call<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await callResult(name, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}
