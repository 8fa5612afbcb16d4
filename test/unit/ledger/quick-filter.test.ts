import { describe, expect, it } from 'vitest'
import { createDraft, listProjects } from '../../../electron/db/projects'
import { countriesMatching } from '../../../shared/countries'
import { lppDeal, openDesk } from './helpers'

describe('the Projects quick filter', () => {
  it('finds deals by destination, as the grid shows it: by the country name or its code', () => {
    const { db, alice } = openDesk()
    createDraft(db, alice, lppDeal({ name: 'Osaka', consignee: 'Kansai AI', destination: 'JP' }))
    createDraft(db, alice, lppDeal({ name: 'Tokyo', consignee: 'Kanto AI', destination: 'JP' }))
    createDraft(db, alice, lppDeal({ name: 'Mumbai', consignee: 'Acme Cloud India', destination: 'IN' }))
    const names = (quick: string) =>
      listProjects(db, { quick, sortBy: 'name', sortDir: 'asc' })
        .rows.map((r) => r.name)
        .join(', ')
    expect(names('Japan')).toBe('Osaka, Tokyo')
    expect(names('japan')).toBe('Osaka, Tokyo')
    expect(names('JP')).toBe('Osaka, Tokyo')
    expect(names('india')).toBe('Mumbai')
    expect(names('IN')).toBe('Mumbai')
    // The other fields still match as before, and nothing matches nothing.
    expect(names('Kansai')).toBe('Osaka')
    expect(names('Narnia')).toBe('')
    db.close()
  })

  it('reads a country from its name or its code, and nothing from blank text', () => {
    expect(countriesMatching('Japan')).toEqual(['JP'])
    expect(countriesMatching(' jp ')).toEqual(['JP'])
    expect(countriesMatching('korea')).toEqual(expect.arrayContaining(['KR', 'KP']))
    expect(countriesMatching('Macau')).toEqual(['MO'])
    expect(countriesMatching('  ')).toEqual([])
    expect(countriesMatching('XX')).toEqual([])
  })
})
