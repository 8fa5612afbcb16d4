import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSession } from '../../../electron/core/session'
import { CSV_BOOK_LEAVES_OUT } from '../../../shared/domain/ledger'
import { parseDealBook } from '../../../shared/rules/book'
import { ledgerFileActions, ledgerMenuActions, type LedgerDialogs } from '../../../electron/main/ledger-menu'
import { tempDir } from '../helpers/temp-ledger'

/** Dialogs that answer from a script and record what they were asked and what they said. */
function scriptedDialogs(answers: { save?: string[]; open?: string[]; confirm?: boolean[] }) {
  const asked: string[] = []
  const said: Array<{ kind: 'inform' | 'fail'; title: string; text: string }> = []
  const dialogs: LedgerDialogs = {
    saveFile: async (o) => (asked.push(`save ${o.title} @ ${o.defaultPath}`), answers.save?.shift()),
    openFile: async (o) => (asked.push(`open ${o.title} @ ${o.defaultPath}`), answers.open?.shift()),
    confirm: async (o) => (
      asked.push(`confirm ${o.message}\n${o.detail}`),
      answers.confirm?.shift() ?? false
    ),
    inform: (o) => said.push({ kind: 'inform', title: o.title, text: `${o.message} ${o.detail ?? ''}` }),
    fail: (title, text) => said.push({ kind: 'fail', title, text }),
  }
  return { dialogs, asked, said }
}

function desk() {
  const dir = tempDir()
  const ledgerPath = join(dir, 'ledger.sqlite')
  const session = openSession({
    ledgerPath,
    host: 'test',
    actor: 'desk.officer',
    sample: true,
    now: () => new Date('2026-11-27T09:00:00.000Z'),
  })
  return { dir, ledgerPath, session }
}

const projectTotal = async (s: ReturnType<typeof desk>['session']) => {
  const r = await s.dispatch('projects.list', {})
  return r.ok ? (r.value as { total: number }).total : -1
}

describe('File menu ledger actions', () => {
  it('are Back up, Restore and Export, above Quit', () => {
    const { ledgerPath, session } = desk()
    const { dialogs } = scriptedDialogs({})
    const actions = ledgerFileActions({
      ledgerPath,
      dispatch: session.dispatch,
      dialogs,
      documentsFolder: '/docs',
      onLedgerReplaced: () => {},
    })
    expect(actions.map((a) => a.label)).toEqual([
      'Back up ledger…',
      'Restore ledger from a backup…',
      'Export deal book…',
    ])
    session.close()
  })

  it('backs up where the save dialog says (offering the backups folder), restores after a confirmation and reloads the window', async () => {
    const { dir, ledgerPath, session } = desk()
    let reloaded = 0
    const target = join(dir, 'chosen.sqlite')
    const { dialogs, asked, said } = scriptedDialogs({
      save: [target],
      open: [target],
      confirm: [false, true],
    })
    const menu = ledgerMenuActions({
      ledgerPath,
      dispatch: session.dispatch,
      dialogs,
      documentsFolder: dir,
      now: () => new Date('2026-11-27T09:00:00.000Z'),
      onLedgerReplaced: () => reloaded++,
    })
    const deals = await projectTotal(session)
    expect(deals).toBeGreaterThan(0)

    await menu.backUp()
    expect(asked[0]).toBe(
      `save Back up the ledger @ ${join(dir, 'backups', 'ledger-2026-11-27T09-00-00-000Z.sqlite')}`,
    )
    expect(existsSync(target)).toBe(true)
    expect(said.at(-1)).toMatchObject({ kind: 'inform', title: 'Ledger backed up' })

    await session.dispatch('ledger.removeSample', {})
    expect(await projectTotal(session)).toBe(0)

    // Declined at the confirmation: nothing happens.
    await menu.restore()
    expect(asked.at(-2)).toBe(`open Restore the ledger from a backup @ ${join(dir, 'backups')}`)
    expect(asked.at(-1)).toContain('kept beside it as ledger.sqlite.before-restore-')
    expect(await projectTotal(session)).toBe(0)
    expect(reloaded).toBe(0)

    dialogs.openFile = async () => target
    await menu.restore()
    expect(await projectTotal(session)).toBe(deals)
    expect(reloaded).toBe(1)
    expect(said.at(-1)?.text).toMatch(/kept as .*ledger\.sqlite\.before-restore-/)
    session.close()
  })

  it('shows a damaged backup refused in the core’s words, and changes nothing', async () => {
    const { dir, ledgerPath, session } = desk()
    const damaged = join(dir, 'damaged.sqlite')
    writeFileSync(damaged, 'not a database at all')
    let reloaded = 0
    const { dialogs, said } = scriptedDialogs({ open: [damaged], confirm: [true] })
    const deals = await projectTotal(session)
    await ledgerMenuActions({
      ledgerPath,
      dispatch: session.dispatch,
      dialogs,
      documentsFolder: dir,
      onLedgerReplaced: () => reloaded++,
    }).restore()
    expect(said).toEqual([
      {
        kind: 'fail',
        title: 'Restore refused',
        text: expect.stringMatching(
          /^Restore refused: .*damaged\.sqlite .*The current ledger was not touched\.$/,
        ),
      },
    ])
    expect(reloaded).toBe(0)
    expect(await projectTotal(session)).toBe(deals)
    session.close()
  })

  it('writes the deal book where the save dialog says, offering Documents; a cancelled dialog does nothing', async () => {
    const { dir, ledgerPath, session } = desk()
    const out = join(dir, 'book.json')
    const { dialogs, asked, said } = scriptedDialogs({ save: [undefined as unknown as string, out] })
    const menu = ledgerMenuActions({
      ledgerPath,
      dispatch: session.dispatch,
      dialogs,
      documentsFolder: join(dir, 'Documents'),
      now: () => new Date('2026-11-27T09:00:00.000Z'),
      onLedgerReplaced: () => {},
    })
    await menu.exportBook()
    expect(said).toEqual([])
    await menu.exportBook()
    expect(asked[1]).toBe(
      `save Export the deal book @ ${join(dir, 'Documents', 'headroom-deal-book-2026-11-27.json')}`,
    )
    const book = JSON.parse(readFileSync(out, 'utf8')) as { deals: unknown[] }
    expect(book.deals).toHaveLength(await projectTotal(session))
    expect(said).toEqual([
      {
        kind: 'inform',
        title: 'Deal book exported',
        text: `Exported ${book.deals.length} deals as JSON to ${out}. `,
      },
    ])
    session.close()
  })

  it('writes the CSV deal book when the file chosen ends in .csv, saying what CSV leaves out', async () => {
    const { dir, ledgerPath, session } = desk()
    const out = join(dir, 'book.CSV')
    const { dialogs, said } = scriptedDialogs({ save: [out] })
    const menu = ledgerMenuActions({
      ledgerPath,
      dispatch: session.dispatch,
      dialogs,
      documentsFolder: join(dir, 'Documents'),
      onLedgerReplaced: () => {},
    })
    await menu.exportBook()
    const text = readFileSync(out, 'utf8')
    const csv = await session.dispatch('ledger.exportCsv', { includeSample: true })
    if (!csv.ok) throw new Error(csv.error.message)
    const value = csv.value as { text: string; deals: number; lines: number }
    // The file is the core's CSV as it is: read back, it is the sample book's deals (the JSON
    // export's first line would be `{`).
    expect(text).toBe(value.text)
    const parsed = parseDealBook(text, 'csv')
    expect(parsed.ok && parsed.book.deals.length).toBe(await projectTotal(session))
    expect(said).toHaveLength(1)
    expect(said[0]!.title).toBe('Deal book exported')
    expect(said[0]!.text).toContain(`Exported ${value.deals} deals (${value.lines} lines) as CSV to ${out}.`)
    expect(said[0]!.text).toContain(CSV_BOOK_LEAVES_OUT)
    session.close()
  })
})
