import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'

countries.registerLocale(en)

export interface CountryName {
  iso2: string
  name: string
}

/** Names as the EAR and the desk write them, where the ISO default reads differently. */
const NAME_OVERRIDES: Record<string, string> = {
  TW: 'Taiwan',
  MO: 'Macau',
  US: 'United States',
  KR: 'Korea, Republic of',
  KP: 'Korea, North',
}

let cache: CountryName[] | undefined

/** ISO 3166-1 alpha-2 codes with English short names, sorted by name. */
export function countryList(): CountryName[] {
  cache ??= Object.entries(countries.getNames('en', { select: 'official' }))
    .map(([iso2, name]) => ({ iso2, name: NAME_OVERRIDES[iso2] ?? name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
  return cache
}

export function countryName(iso2: string): string | undefined {
  const code = iso2.toUpperCase()
  return NAME_OVERRIDES[code] ?? countries.getName(code, 'en', { select: 'official' })
}

/**
 * Countries a free-text search means: those whose name contains the text (any case), and the country
 * whose code it is ("jp", "JP"). For quick filters that show destinations as "Japan (JP)".
 */
export function countriesMatching(text: string): string[] {
  const needle = text.trim().toLowerCase()
  if (!needle) return []
  const codes = countryList()
    .filter((c) => c.name.toLowerCase().includes(needle))
    .map((c) => c.iso2)
  const code = needle.toUpperCase()
  if (isIso2(code) && !codes.includes(code)) codes.push(code)
  return codes
}

const VALID_ISO2 = new Map<string, boolean>()
// A literal in the function would be a new RegExp object per call.
const ISO2_SHAPE = /^[A-Z]{2}$/

export function isIso2(code: string): boolean {
  if (!ISO2_SHAPE.test(code)) return false
  // Remembered per code (at most 26 × 26): the library's check allocates on every call, and an import
  // asks it three times a deal on each of its two threads.
  let valid = VALID_ISO2.get(code)
  if (valid === undefined) VALID_ISO2.set(code, (valid = countries.isValid(code)))
  return valid
}
