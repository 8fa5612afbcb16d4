import { useEffect, useState } from 'react'
import type { PartyRow } from '../../../../shared/domain/party'
import { CHIP_CATALOGUE } from '../../../../shared/rules/catalogue'
import type { ClassifiedChip } from '../../../../shared/rules/types'
import { call } from '../../api/client'

export interface CountryOption {
  iso2: string
  name: string
}

export interface ChipOption {
  id: string
  name: string
  vendor: string
  origin: 'catalogue' | 'desk'
  classification: ClassifiedChip | null
}

export interface ReferenceData {
  countries: CountryOption[]
  parties: PartyRow[]
  chips: ChipOption[]
}

/**
 * Pickers' reference data (countries with names, parties, chips). Countries and chips are cached for
 * the session; parties reload with `version` so a party added elsewhere shows up.
 */
let countriesCache: Promise<CountryOption[]> | null = null

function loadCountries(): Promise<CountryOption[]> {
  countriesCache ??= call('countries.list', {})
    .then((rows) =>
      rows.map((r) => ({ iso2: r.iso2, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)),
    )
    .catch((e: unknown) => {
      countriesCache = null
      throw e
    })
  return countriesCache
}

/** The shipped catalogue, used only until (or if) `chips.list` answers, so the picker is never empty. */
const catalogueFallback = (): ChipOption[] =>
  CHIP_CATALOGUE.map((c) => ({
    id: c.id,
    name: c.name,
    vendor: c.vendor,
    origin: 'catalogue' as const,
    classification: null,
  }))

export function useReferenceData(version: number): ReferenceData {
  const [countries, setCountries] = useState<CountryOption[]>([])
  const [parties, setParties] = useState<PartyRow[]>([])
  const [chips, setChips] = useState<ChipOption[]>(catalogueFallback)

  useEffect(() => {
    loadCountries().then(setCountries, () => setCountries([]))
  }, [])
  useEffect(() => {
    call('parties.list', {}).then(setParties, () => setParties([]))
    call('chips.list', {}).then(
      (rows) =>
        setChips(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            vendor: r.vendor,
            origin: r.origin,
            classification: r.classification,
          })),
        ),
      () => undefined,
    )
  }, [version])
  return { countries, parties, chips }
}
