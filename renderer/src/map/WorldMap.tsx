import { useEffect, useMemo, useState } from 'react'
import type { Topology } from 'topojson-specification'
import type { CountryRow } from '../../../shared/domain/country'
import { buildWorldShapes, SMALL_COUNTRY_AREA, type WorldShapes } from './geo'
import { fillKey, LEGENDS, type MapMode } from './fills'

const WIDTH = 960
const HEIGHT = 440

let shapesPromise: Promise<WorldShapes> | null = null

/**
 * The atlas (50m: it still has Singapore, Bahrain, Hong Kong and Macau, which 110m drops) is a
 * separate chunk loaded on first use, and projected once per session.
 */
function loadShapes(): Promise<WorldShapes> {
  shapesPromise ??= import('world-atlas/countries-50m.json').then((m) =>
    buildWorldShapes((m.default ?? m) as unknown as Topology, WIDTH, HEIGHT),
  )
  return shapesPromise
}

export interface WorldMapProps {
  rows: readonly CountryRow[] | null
  mode: MapMode
  selected: string | null
  onSelect(iso2: string | null): void
  /** Tooltip and accessible name of a country. */
  describe(row: CountryRow): string
}

/**
 * An SVG world map coloured by tier, % used or country group. SVG rather than canvas or tiles: it
 * works offline, prints sharply and every country is an element tests and screen readers can reach.
 */
export function WorldMap({ rows, mode, selected, onSelect, describe }: WorldMapProps) {
  const [shapes, setShapes] = useState<WorldShapes | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    loadShapes().then(
      (s) => live && setShapes(s),
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [])
  const byIso = useMemo(() => new Map((rows ?? []).map((r) => [r.iso2, r])), [rows])

  if (error)
    return (
      <p role="alert" className="error">
        The map could not be drawn: {error}
      </p>
    )
  return (
    <figure className="world-map" data-testid="world-map" data-map-ready={shapes ? 'true' : 'false'}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={`World map coloured by ${mode === 'pct' ? '% used' : mode}`}
      >
        {shapes && (
          <>
            <path className="map-sea" d={shapes.sphere} onClick={() => onSelect(null)} />
            {shapes.unlinked.map((d, i) => (
              <path key={i} className="map-unlinked" d={d} />
            ))}
            {shapes.countries.map((c) => {
              const row = byIso.get(c.iso2)
              const label = row ? describe(row) : c.name
              const isSelected = selected === c.iso2
              return (
                <g
                  key={c.iso2}
                  data-testid={`map-country-${c.iso2}`}
                  className={`map-country map-fill-${fillKey(mode, row)}${isSelected ? ' selected' : ''}`}
                  role="button"
                  aria-label={label}
                  aria-pressed={isSelected}
                  // One tab stop for the whole map would need roving focus; the country picker next to
                  // the map is the keyboard path, so shapes stay out of the tab order.
                  tabIndex={-1}
                  onClick={() => onSelect(isSelected ? null : c.iso2)}
                >
                  <title>{label}</title>
                  {c.paths.map((d, i) => (
                    <path key={i} d={d} />
                  ))}
                  {c.area < SMALL_COUNTRY_AREA && (
                    <circle className="map-marker" cx={c.centroid[0]} cy={c.centroid[1]} r={2.5} />
                  )}
                </g>
              )
            })}
          </>
        )}
      </svg>
      <figcaption className="map-legend" aria-label="Map legend">
        {LEGENDS[mode].map((e) => (
          <span key={e.key} className="map-legend-item">
            <span className={`map-swatch map-fill-${e.key}`} aria-hidden="true" />
            {e.label}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
