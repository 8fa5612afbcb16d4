import { describe, expect, it } from 'vitest'
import { csvField, safeFileName, toCsv } from '../../../renderer/src/grid/neutralise'

describe('CSV writing', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('1,000')).toBe('"1,000"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('plain')).toBe('plain')
  })

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['Name', 'TPP'], [['A', '1,000']])).toBe('Name,TPP\r\nA,"1,000"\r\n')
  })
})

describe('safeFileName', () => {
  it('removes path separators and reserved characters', () => {
    expect(safeFileName('../projects: 2026/11', 'csv')).toBe('-projects- 2026-11.csv')
    expect(safeFileName('   ', 'xlsx')).toBe('export.xlsx')
  })
})
