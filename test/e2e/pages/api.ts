import type { Page } from '@playwright/test'

/**
 * Calls the app's own host API from inside the page (same token, same origin), for test set-up
 * that the UI does not offer (e.g. adding desk users). Throws on a failed envelope.
 */
export async function hostCall<T = unknown>(page: Page, op: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Headroom-Token': sessionStorage.getItem('headroom.token') ?? '',
        },
        body: JSON.stringify(body),
      })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    },
    [op, input] as const,
  )
  if (!result.ok) throw new Error(`${op}: ${result.error?.message}`)
  return result.value as T
}
