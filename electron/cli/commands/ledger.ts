import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import type { OpName } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/result'
import type { HeadroomRow } from '../../../shared/domain/headroom'
import { CSV_BOOK_LEAVES_OUT, type CsvBookExport, type ImportResult } from '../../../shared/domain/ledger'
import type { BookError } from '../../../shared/rules/types'
import { isIsoDate } from '../../../shared/iso-date'
import { joinFirst } from '../../../shared/join-first'
import { verifyAuditChain } from '../../db/audit'
import { checkTotals } from '../../db/capacity'
import { checkDealsAgainstChain } from '../../db/deal-chain-check'
import { fileIntegrityProblems } from '../../db/integrity'
import { openLedger, type Ledger } from '../../db/ledger'
import { readSnapshot } from '../../db/statements'
import { resolvePack } from '../../core/packs'
import { openSession, type Session } from '../../core/session'
import { UsageError, type CliCommand, type CliIo, type GlobalOptions } from '../types'

/**
 * Ledger commands. Mutating and reporting commands go through the same session and handler table as
 * the window and the browser host (one code path: the same validation, transactions and audit
 * events); `verify` alone opens the file read-only, because an auditor's check must not migrate or
 * otherwise touch the ledger it is checking.
 */

interface OptionSpec {
  /** Options that take a value (`--name VALUE` or `--name=VALUE`). */
  values?: readonly string[]
  /** Options that are switches (`--name`). */
  flags?: readonly string[]
}

interface ParsedArgs {
  values: Map<string, string>
  flags: Set<string>
  positional: string[]
}

function parseOptions(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = { values: new Map(), flags: new Set(), positional: [] }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--') || arg === '--') {
      out.positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (spec.flags?.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`)
      out.flags.add(name)
    } else if (spec.values?.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1)
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
        throw new UsageError(`--${name} needs a value`)
      if (out.values.has(name)) throw new UsageError(`--${name} was given more than once`)
      out.values.set(name, value)
    } else {
      throw new UsageError(`unknown option --${name}`)
    }
  }
  return out
}

function onePositional(parsed: ParsedArgs, what: string): string {
  if (parsed.positional.length === 0) throw new UsageError(`give ${what}`)
  if (parsed.positional.length > 1) throw new UsageError(`unexpected argument "${parsed.positional[1]}"`)
  return parsed.positional[0]!
}

function noPositional(parsed: ParsedArgs): void {
  if (parsed.positional.length) throw new UsageError(`unexpected argument "${parsed.positional[0]}"`)
}

/** The `--db` file, resolved. Commands that read a ledger refuse a path with no file rather than create an empty one. */
function ledgerPath(global: GlobalOptions, mustExist: boolean): string {
  if (!global.db) throw new UsageError('give the ledger with --db FILE (before the command)')
  const path = resolve(global.db)
  if (mustExist && !existsSync(path)) throw new UsageError(`no ledger at ${path}`)
  if (existsSync(path) && !statSync(path).isFile()) throw new UsageError(`${path} is not a file`)
  return path
}

/** Runs `fn` on a CLI session (acting as the OS user, never loading sample data) and always closes it. */
async function withSession<T>(
  path: string,
  fn: (call: <R>(op: OpName, payload: unknown) => Promise<R>) => Promise<T>,
): Promise<T> {
  const session: Session = openSession({ ledgerPath: path, host: 'cli' })
  try {
    return await fn(async <R>(op: OpName, payload: unknown): Promise<R> => {
      const result = await session.dispatch(op, payload)
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.fields)
      return result.value as R
    })
  } finally {
    session.close()
  }
}

/** `json` or `csv` from the file name: the interchange formats of docs/deal-book.md. */
function bookFormat(file: string): 'json' | 'csv' {
  const ext = extname(file).toLowerCase()
  if (ext === '.json') return 'json'
  if (ext === '.csv') return 'csv'
  throw new UsageError(`the deal book must be a .json or .csv file, got "${file}"`)
}

const describeError = (e: {
  row?: number | null
  field?: string
  path?: string
  message: string
}): string => {
  const field = e.field ?? e.path ?? ''
  return `${e.row === null || e.row === undefined ? '' : `row ${e.row}, `}${field ? `field ${field}: ` : ''}${e.message}`
}

const grouped = (n: number): string => n.toLocaleString('en-US')
const plural = (n: number, word: string, many = `${word}s`): string =>
  `${grouped(n)} ${n === 1 ? word : many}`

const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a deal book (JSON or CSV) into the ledger in one transaction: all of it or nothing',
  usage: [
    'Usage: headroom --db FILE import BOOK.(json|csv) [--sample]',
    '',
    'Creates the ledger if FILE does not exist. On any error nothing is written, each bad row and',
    'field is listed and the exit code is 2. --sample marks the imported records as sample data.',
  ].join('\n'),
  async run(args, global, io) {
    const parsed = parseOptions(args, { flags: ['sample'] })
    const file = onePositional(parsed, 'the deal book to import')
    const format = bookFormat(file)
    const path = ledgerPath(global, false)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (text.trim() === '') throw new UsageError(`${file} is empty`)
    const existed = existsSync(path)
    // A refused import into a ledger this command created leaves no empty ledger file behind either.
    const discardNew = () => {
      if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
    }
    const bad = (errors: readonly (BookError | { path: string; message: string })[]): number => {
      discardNew()
      io.err(
        `headroom import: ${file} was not imported (${plural(errors.length, 'error')}); the ledger is unchanged`,
      )
      for (const e of errors) io.err(`  ${describeError(e)}`)
      return 2
    }
    let result: ImportResult
    try {
      result = await withSession(path, (call) =>
        call<ImportResult>('ledger.import', { format, text, sample: parsed.flags.has('sample') }),
      )
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input' && error.fields?.length)
        return bad(error.fields)
      discardNew()
      throw error
    }
    if (result.errors?.length) return bad(result.errors)
    io.out(
      `Imported ${plural(result.imported, 'deal')}, ${plural(result.parties, 'party', 'parties')}, ` +
        `${plural(result.chips, 'chip')} and ${plural(result.installedBase, 'installed-base entry', 'installed-base entries')} into ${path}`,
    )
    // Imported as given, but the rules contradict it: said, not refused (docs/deal-book.md).
    if (result.warnings?.length) {
      io.err(`headroom import: ${plural(result.warnings.length, 'warning')}`)
      for (const w of result.warnings) io.err(`  ${describeError(w)}`)
    }
    return 0
  },
}

/** A plain-text table: numeric columns right-aligned so figures line up digit under digit. */
function renderTable(header: string[], rows: string[][], numeric: ReadonlySet<number>): string {
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)))
  return all
    .map((r) =>
      r
        .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

const orDash = (n: number | null): string => (n === null ? '-' : grouped(n))

function headroomTable(rows: readonly HeadroomRow[]): string {
  const header = [
    'BUCKET',
    'KIND',
    'PERIOD',
    'LIMIT',
    'COMMITTED',
    'RESERVED',
    'REMAINING',
    '% USED',
    'ALERT',
  ]
  const body = rows.map((r) => [
    r.bucket,
    r.kind,
    r.period ?? '-',
    orDash(r.limit),
    grouped(r.committed),
    grouped(r.reserved),
    orDash(r.remaining),
    r.pctUsed === null ? '-' : r.pctUsed.toFixed(1),
    r.alertLevel === 'none' ? '' : `${r.alertLevel}%`,
  ])
  return renderTable(header, body, new Set([3, 4, 5, 6, 7]))
}

/**
 * The pack id to filter buckets by: a pinned id as given (if it exists), `auto` resolved to the pack
 * governing the as-of date the same way the window does, or none for every bucket.
 */
function packSelection(selection: string | undefined, asOf: string | undefined): string | undefined {
  if (selection === undefined) return undefined
  try {
    return resolvePack({ packId: selection, ...(asOf ? { asOf } : {}) }).pack.id
  } catch (error) {
    if (error instanceof AppError)
      throw new UsageError(`${error.message}; run \`headroom packs\` for the list`)
    throw error
  }
}

const headroomCommand: CliCommand = {
  name: 'headroom',
  summary: 'Capacity headroom per bucket (limit, committed, reserved, remaining, % used) from the ledger',
  usage: [
    'Usage: headroom --db FILE headroom [--country ISO] [--pack ID|auto] [--as-of DATE] [--format table|json]',
    '',
    '--pack ID keeps the buckets whose limits that pack sets (and licences); auto takes the pack',
    'governing --as-of (default today). --as-of keeps buckets whose year or quarter contains the date.',
  ].join('\n'),
  async run(args, global, io) {
    const parsed = parseOptions(args, { values: ['country', 'pack', 'as-of', 'format'] })
    noPositional(parsed)
    const format = parsed.values.get('format') ?? 'table'
    if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json')
    const asOf = parsed.values.get('as-of')
    if (asOf !== undefined && !isIsoDate(asOf)) {
      throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`)
    }
    const country = parsed.values.get('country')?.toUpperCase()
    if (country !== undefined && !/^[A-Z]{2}$/.test(country))
      throw new UsageError(`--country must be an ISO 3166-1 alpha-2 code, got "${country}"`)
    const packId = packSelection(parsed.values.get('pack'), asOf)
    const path = ledgerPath(global, true)
    const payload = {
      ...(packId ? { packId } : {}),
      ...(asOf ? { asOf } : {}),
      ...(country ? { country } : {}),
    }
    const rows = await withSession(path, (call) => call<HeadroomRow[]>('headroom.buckets', payload))
    if (format === 'json')
      io.out(
        JSON.stringify(
          { ledger: path, pack: packId ?? null, asOf: asOf ?? null, country: country ?? null, buckets: rows },
          null,
          2,
        ),
      )
    else io.out(rows.length ? headroomTable(rows) : 'No capacity buckets match.')
    return 0
  },
}

const verifyCommand: CliCommand = {
  name: 'verify',
  summary:
    'Check the ledger: file integrity, the audit hash chain, the capacity running totals and deals against their audit events',
  usage: [
    'Usage: headroom --db FILE verify',
    '',
    'Opens the ledger read-only. Exit 0 when everything holds, saying what was checked; 1 naming the',
    'damaged rows, the first bad audit event or the first deal that disagrees with its audit events.',
  ].join('\n'),
  run(args, global, io) {
    noPositional(parseOptions(args, {}))
    const path = ledgerPath(global, true)
    const db = openLedger(path, { readonly: true })
    try {
      // Every check on one snapshot: the window or another CLI may be writing meanwhile, and a check
      // made against a later commit than the one before it would report their work as damage.
      return readSnapshot(db, () => verifyAsRead(db, path, io))
    } finally {
      db.close()
    }
  },
}

function verifyAsRead(db: Ledger, path: string, io: CliIo): number {
  // The file first: hashing rows read from a damaged b-tree would blame the chain for a disk fault.
  const damage = fileIntegrityProblems(db)
  if (damage.length) {
    io.err(`headroom verify: ${path} is damaged (SQLite integrity, CHECK and foreign-key checks):`)
    const more = (rest: number) => `\n  … and ${plural(rest, 'more problem')}`
    io.err(`  ${joinFirst(damage, 20, '\n  ', more, (p) => p.message)}`)
    return 1
  }
  const chain = verifyAuditChain(db)
  if (!chain.ok) {
    io.err(`headroom verify: audit chain broken at event #${chain.firstBadEventId}: ${chain.reason}`)
    io.err(`  ${plural(chain.checked, 'event')} before it verified.`)
    return 1
  }
  const drifted = checkTotals(db)
  if (drifted.length) {
    io.err(
      `headroom verify: the running totals of ${plural(drifted.length, 'capacity bucket')} disagree with their entries: ${joinFirst(drifted, 5, ', ', () => ', …')}`,
    )
    return 1
  }
  const deals = checkDealsAgainstChain(db)
  if (deals.mismatch) {
    const m = deals.mismatch
    io.err(
      `headroom verify: deal ${m.dealId} disagrees with the audit chain: its ${m.field} is ${JSON.stringify(m.found)} in the ledger, but ${m.event ? `audit event #${m.event}` : 'the chain'} recorded ${JSON.stringify(m.recorded)} (the row was changed outside Headroom).`,
    )
    return 1
  }
  io.out(
    `Ledger ${path} verified: file intact, ${plural(chain.checked, 'audit event')} chained, capacity totals match their entries.`,
  )
  io.out('Checked:')
  io.out(
    '  the file: SQLite integrity check, every CHECK constraint row by row (stored JSON included), foreign keys;',
  )
  io.out('  the audit chain: every event hashed and linked to the one before it, none missing;')
  io.out('  capacity: each bucket’s running totals against its entries;')
  io.out(
    `  deals: ${plural(deals.checked, 'deal')} changed through Headroom ${deals.checked === 1 ? 'agrees with its' : 'agree with their'} latest audit events (status, parties, destination, dates, lines, licence);`,
  )
  io.out(
    `  ${plural(deals.importedOnly, 'deal')} not changed since import ${deals.importedOnly === 1 ? 'is' : 'are'} covered by ${deals.importedOnly === 1 ? 'its' : 'their'} import batch’s SHA-256 in the chain only, not compared row by row.`,
  )
  io.out(`Fingerprint (audit head hash): ${chain.headHash}`)
  return 0
}

const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write a consistent copy of the ledger (SQLite online backup); the backup is audited',
  usage: 'Usage: headroom --db FILE backup OUT [--force]',
  async run(args, global, io) {
    const parsed = parseOptions(args, { flags: ['force'] })
    const out = resolve(onePositional(parsed, 'the file to write the backup to'))
    const path = ledgerPath(global, true)
    if (out === path) throw new UsageError('the backup must go to another file than the ledger itself')
    if (existsSync(out) && !parsed.flags.has('force'))
      throw new UsageError(`${out} exists; give --force to overwrite it`)
    const result = await withSession(path, (call) =>
      call<{ path: string; bytes: number; headHash: string }>('ledger.backup', { path: out }),
    )
    io.out(
      `Backed up ${path} to ${result.path} (${grouped(result.bytes)} bytes, audit head ${result.headHash}).`,
    )
    return 0
  },
}

/**
 * The export's format: `--format`, or else the file's extension, which `headroom import` reads the
 * book back by; so the two must agree, and the file must be .json or .csv.
 */
function exportFormat(out: string, option: string | undefined): 'json' | 'csv' {
  if (option !== undefined && option !== 'json' && option !== 'csv')
    throw new UsageError(`--format must be json or csv, got "${option}"`)
  const format = bookFormat(out)
  if (option !== undefined && option !== format)
    throw new UsageError(`--format ${option} writes a .${option} file, got "${out}"`)
  return format
}

const exportCommand: CliCommand = {
  name: 'export',
  summary:
    'Export the deal book: JSON (deals with ledger status, parties, chips, installed base) or CSV (deals and lines only)',
  usage: [
    'Usage: headroom --db FILE export OUT.(json|csv) [--format json|csv] [--no-sample] [--force]',
    '',
    'JSON (interchange v1 with the ledger extension) carries the whole book and imports back unchanged.',
    'CSV (interchange v1, one row per deal line, formula-like text neutralised) carries deals and their',
    'lines only; fields it cannot carry as the ledger has them are listed. The format follows the file',
    'name; --format, if given, must agree with it.',
  ].join('\n'),
  async run(args, global, io) {
    const parsed = parseOptions(args, { flags: ['no-sample', 'force'], values: ['format'] })
    const out = resolve(onePositional(parsed, 'the file to write the deal book to'))
    const format = exportFormat(out, parsed.values.get('format'))
    const path = ledgerPath(global, true)
    if (existsSync(out) && !parsed.flags.has('force'))
      throw new UsageError(`${out} exists; give --force to overwrite it`)
    const includeSample = !parsed.flags.has('no-sample')
    if (format === 'json') {
      const book = await withSession(path, (call) =>
        call<{ deals: unknown[] }>('ledger.export', { includeSample }),
      )
      writeFileSync(out, `${JSON.stringify(book, null, 2)}\n`)
      io.out(`Exported ${plural(book.deals.length, 'deal')} from ${path} to ${out}.`)
      return 0
    }
    const csv = await withSession(path, (call) => call<CsvBookExport>('ledger.exportCsv', { includeSample }))
    writeFileSync(out, csv.text)
    io.out(
      `Exported ${plural(csv.deals, 'deal')} (${plural(csv.lines, 'line')}) from ${path} to ${out} as CSV.`,
    )
    io.out(CSV_BOOK_LEAVES_OUT)
    // Written all the same (the rest of the book is good), but said, as an import says its warnings.
    if (csv.notCarried.length) {
      io.err(
        `headroom export: ${plural(csv.notCarried.length, 'field')} not carried by the CSV as the ledger has ${csv.notCarried.length === 1 ? 'it' : 'them'}:`,
      )
      for (const n of csv.notCarried) io.err(`  deal ${n.deal}, field ${n.field}: ${n.message}`)
    }
    return 0
  },
}

export const ledgerCommands: CliCommand[] = [
  importCommand,
  headroomCommand,
  verifyCommand,
  backupCommand,
  exportCommand,
]
