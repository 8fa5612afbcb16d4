import type { CountryRow } from '../../../shared/domain/country'
import { alertLevel } from '../format'

/**
 * What colours the map. Classes, not colours: the palette lives in styles.css (`.map-fill-*`), so the
 * map follows the light/dark theme and prints with the same colours the legend shows.
 */
export type MapMode = 'tier' | 'pct' | 'groups'

export interface LegendEntry {
  key: string
  label: string
}

export const MAP_MODES: readonly { mode: MapMode; label: string }[] = [
  { mode: 'tier', label: 'Tier' },
  { mode: 'pct', label: '% used' },
  { mode: 'groups', label: 'Country groups' },
]

export const LEGENDS: Record<MapMode, readonly LegendEntry[]> = {
  tier: [
    { key: 'tier-1', label: 'Tier 1' },
    { key: 'tier-2', label: 'Tier 2' },
    { key: 'tier-3', label: 'Tier 3' },
    { key: 'none', label: 'No tier' },
  ],
  pct: [
    { key: 'pct-ok', label: 'Below 80%' },
    { key: 'pct-watch', label: '80–90%' },
    { key: 'pct-warn', label: '90–95%' },
    { key: 'pct-high', label: '95–100%' },
    { key: 'pct-over', label: '100% or more' },
    { key: 'none', label: 'No allocation' },
  ],
  groups: [
    { key: 'grp-d5', label: 'D:5' },
    { key: 'grp-d14', label: 'D:1 / D:4 (not A:5/A:6)' },
    { key: 'grp-a5', label: 'A:5 / A:6' },
    { key: 'none', label: 'Other' },
  ],
}

/** Legend key (and CSS class suffix) of a country under a mode; `none` where the row says nothing. */
export function fillKey(mode: MapMode, row: CountryRow | undefined): string {
  if (!row) return 'none'
  switch (mode) {
    case 'tier':
      return row.tier == null ? 'none' : `tier-${row.tier}`
    case 'pct': {
      if (row.pctUsed == null) return 'none'
      const level = alertLevel(row.pctUsed)
      return level === 'none' ? 'pct-ok' : `pct-${level}`
    }
    case 'groups': {
      const g = row.groups
      if (g.includes('D:5')) return 'grp-d5'
      const allied = g.includes('A:5') || g.includes('A:6')
      if (!allied && (g.includes('D:1') || g.includes('D:4'))) return 'grp-d14'
      return allied ? 'grp-a5' : 'none'
    }
  }
}
