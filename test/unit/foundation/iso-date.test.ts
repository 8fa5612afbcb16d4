import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { isoDateField } from '../../../shared/ipc/ops/fields'
import { isIsoDate, isIsoDateShape } from '../../../shared/iso-date'

describe('isIsoDate: YYYY-MM-DD naming a real day', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not 400
    ['2025-02-29', false],
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-01-01', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['2026-1-01', false],
    ['2026-01-1', false],
    ['26-01-01', false],
    [' 2026-01-01', false],
    ['2026-01-01 ', false],
    ['2026-01-01T00:00', false],
    ['2026/01/01', false],
    ['2026-01-0a', false],
    ['２０２６-01-01', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })

  it.each([undefined, null, 20260101, new Date('2026-01-01'), ['2026-01-01'], { date: '2026-01-01' }])(
    'refuses a non-string (%j)',
    (value) => {
      expect(isIsoDate(value)).toBe(false)
      expect(isIsoDateShape(value)).toBe(false)
    },
  )

  it('tells the form from the day: 2026-02-30 has the shape but is no day', () => {
    expect(isIsoDateShape('2026-02-30')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDateShape('2026-1-01')).toBe(false)
  })

  it("agrees with zod's z.iso.date() (the rule the deal book and IPC fields used) on every day of 1896–2104", () => {
    const zodDate = z.iso.date()
    const pad = (n: number, w: number) => String(n).padStart(w, '0')
    const disagreements: string[] = []
    for (let y = 1896; y <= 2104; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
          if (isIsoDate(s) !== zodDate.safeParse(s).success) disagreements.push(s)
        }
    expect(disagreements).toEqual([])
  })

  it('is the rule of the IPC date field, which says a well-formed non-day is no real date, as the book does', () => {
    for (const value of ['2024-02-29', '2025-02-29', '2026-02-30', '2026-13-01', '2026-1-01', 5, null]) {
      const parsed = isoDateField.safeParse(value)
      expect(parsed.success, String(value)).toBe(isIsoDate(value))
      if (!parsed.success)
        expect(parsed.error.issues.map((i) => i.message)).toEqual([
          isIsoDateShape(value) ? `${String(value)} is not a real date` : 'a date as YYYY-MM-DD',
        ])
    }
    expect(isoDateField.safeParse('2026-02-30').error!.issues[0]!.message).toBe(
      '2026-02-30 is not a real date',
    )
  })
})
