import { geoArea, geoEqualEarth, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson'
import countries from 'i18n-iso-countries'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

/**
 * Pure geometry for the world map: world-atlas TopoJSON (ISO 3166-1 numeric ids) → one SVG path per
 * polygon, keyed by alpha-2 so the map joins the ledger's country rows. No DOM, no network: the atlas
 * ships in the bundle, and the same code runs in unit tests.
 */

export interface CountryShape {
  iso2: string
  /** The atlas's short name; the screen shows the ledger's name where it has one. */
  name: string
  /** One path per polygon, largest first, so a click on the first lands on the mainland. */
  paths: string[]
  /** Projected centroid of the largest polygon (where a marker for a tiny country goes). */
  centroid: [number, number]
  /** Projected area in px² of all polygons. */
  area: number
}

export interface WorldShapes {
  width: number
  height: number
  countries: CountryShape[]
  /** Territories the atlas draws without an ISO code (Kosovo, N. Cyprus…): drawn, not linked. */
  unlinked: string[]
  /** The outline of the globe, drawn as the sea. */
  sphere: string
}

/** Countries smaller than this on screen (px²) get a round marker so they can be seen and clicked. */
export const SMALL_COUNTRY_AREA = 6

/** Antarctica takes a fifth of the height of an Equal Earth map and has no export destinations. */
const LEFT_OUT = new Set(['AQ'])

export function iso2OfNumeric(id: string | number | undefined): string | null {
  if (id === undefined || id === null || id === '') return null
  return countries.numericToAlpha2(String(id).padStart(3, '0')) ?? null
}

type AtlasProps = { name?: string }

function polygonsOf(f: Feature<Geometry, AtlasProps>): Feature<Polygon, AtlasProps>[] {
  const g = f.geometry
  if (!g) return []
  if (g.type === 'Polygon') return [{ type: 'Feature', properties: f.properties, geometry: g }]
  if (g.type === 'MultiPolygon')
    return g.coordinates.map((coordinates) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Polygon', coordinates },
    }))
  return []
}

export function buildWorldShapes(topology: Topology, width: number, height: number): WorldShapes {
  const object = topology.objects.countries as GeometryCollection<AtlasProps>
  const collection = feature(topology, object) as FeatureCollection<Geometry, AtlasProps>
  const kept = collection.features.filter((f) => !LEFT_OUT.has(iso2OfNumeric(f.id) ?? ''))
  const projection = geoEqualEarth().fitSize([width, height], { type: 'FeatureCollection', features: kept })
  const path = geoPath(projection)

  const byIso = new Map<string, CountryShape>()
  const unlinked: string[] = []
  for (const f of kept) {
    const iso2 = iso2OfNumeric(f.id)
    // Spherical area orders the polygons independently of the projection's distortion.
    const polygons = polygonsOf(f).sort((a, b) => geoArea(b) - geoArea(a))
    const paths = polygons.map((p) => path(p) ?? '').filter((d) => d !== '')
    if (!iso2) {
      unlinked.push(...paths)
      continue
    }
    if (paths.length === 0) continue
    const area = polygons.reduce((sum, p) => sum + path.area(p), 0)
    const existing = byIso.get(iso2)
    if (existing) {
      // The atlas splits a few countries over two features; keep one shape per code.
      existing.paths.push(...paths)
      existing.area += area
      continue
    }
    byIso.set(iso2, {
      iso2,
      name: f.properties?.name ?? iso2,
      paths,
      centroid: path.centroid(polygons[0]),
      area,
    })
  }
  return {
    width,
    height,
    countries: [...byIso.values()].sort((a, b) => a.iso2.localeCompare(b.iso2)),
    unlinked,
    sphere: path({ type: 'Sphere' }) ?? '',
  }
}
