import { useEffect, useState } from 'react'

export const SCREENS = [
  { id: 'projects', label: 'Projects' },
  { id: 'countries', label: 'Countries' },
  { id: 'headroom', label: 'Headroom' },
  { id: 'chips', label: 'Chips' },
  { id: 'parties', label: 'Parties' },
  { id: 'packs', label: 'Rule packs' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'audit', label: 'Audit' },
  { id: 'ledger', label: 'Ledger' },
  { id: 'reports', label: 'Reports' },
] as const

export type ScreenId = (typeof SCREENS)[number]['id']

const isScreen = (id: string): id is ScreenId => SCREENS.some((s) => s.id === id)

/** The current screen lives in the URL hash (`#/countries`) so reloads and links keep it. */
export function parseRoute(hash: string): { screen: ScreenId; params: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const screen = isScreen(path) ? path : 'projects'
  return { screen, params: new URLSearchParams(query) }
}

/**
 * The address, as it changes. A screen passes its own id and then sees only addresses of itself: while
 * the shell asks whether to leave it (unsaved work), the address already names the other screen, and
 * the screen must not read that as its own parameters being cleared.
 */
export function useRoute(only?: ScreenId) {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = () => {
      const next = window.location.hash
      if (!only || parseRoute(next).screen === only) setHash(next)
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [only])
  return { ...parseRoute(hash), hash }
}

/**
 * Goes to a screen. `replace` rewrites the current address instead of adding a history entry (a screen
 * keeping its address in step with the header is not a new page for Back); both fire `hashchange`.
 */
export function navigate(
  screen: ScreenId,
  params?: Record<string, string> | URLSearchParams,
  options: { replace?: boolean } = {},
): void {
  const query = params ? `?${new URLSearchParams(params).toString()}` : ''
  const hash = `#/${screen}${query}`
  if (options.replace) window.location.replace(hash)
  else window.location.hash = hash
}
