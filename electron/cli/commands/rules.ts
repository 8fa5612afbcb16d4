import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { classifyChip, numericThresholds, resolveChip } from '../../../shared/rules/classifier'
import { parseDealBook } from '../../../shared/rules/book'
import { evaluate, evaluateEach } from '../../../shared/rules/evaluator'
import { getPack, loadPacks } from '../../../shared/rules/packs'
import { PACK_TIMELINE } from '../../../shared/rules/timeline'
import type { ChipSpec, Determination, RulePack } from '../../../shared/rules/types'
import { UsageError, type CliCommand, type CliIo } from '../types'

/** Splits `--name value` / `--name=value` options and positional arguments; rejects unknown options. */
function parseArgs(
  args: string[],
  known: readonly string[],
): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`)
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1)
    if (value === undefined || (eq === -1 && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`)
    options.set(name, value)
  }
  return { options, positional }
}

function numberOption(options: Map<string, string>, name: string): number | undefined {
  const raw = options.get(name)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`--${name} must be a non-negative number, got "${raw}"`)
  return n
}

function packOption(options: Map<string, string>, allowAuto: boolean): RulePack | 'auto' {
  const id = options.get('pack') ?? (allowAuto ? 'auto' : undefined)
  if (id === undefined) return loadPacks()[loadPacks().length - 1]!
  if (id === 'auto' && allowAuto) return 'auto'
  const pack = getPack(id)
  if (!pack) throw new UsageError(`unknown pack "${id}"; run \`headroom packs\` for the list`)
  return pack
}

function formatOption(options: Map<string, string>, allowed: readonly string[], fallback: string): string {
  const format = options.get('format') ?? fallback
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`)
  return format
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

const json = (io: CliIo, value: unknown) => io.out(JSON.stringify(value, null, 2))

const packsCommand: CliCommand = {
  name: 'packs',
  summary: 'List the rule packs with ids, effective dates, status and the timeline periods they govern',
  usage: 'Usage: headroom packs [--format table|json]',
  run(args, _global, io) {
    const { options, positional } = parseArgs(args, ['format'])
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`)
    const format = formatOption(options, ['table', 'json'], 'table')
    const packs = loadPacks().map((p) => ({
      id: p.id,
      title: p.title,
      effectiveDate: p.effectiveDate,
      status: p.status,
      regime: p.regime,
      governs: PACK_TIMELINE.filter((e) => e.packId === p.id).map((e) => ({
        from: e.from,
        to: e.to ?? null,
      })),
    }))
    if (format === 'json') json(io, { packs })
    else {
      const rows = [['ID', 'EFFECTIVE', 'STATUS', 'GOVERNS (auto)', 'TITLE']]
      for (const p of packs) {
        rows.push([
          p.id,
          p.effectiveDate,
          p.status,
          p.governs.map((g) => `${g.from}..${g.to ?? ''}`).join(', '),
          p.title,
        ])
      }
      io.out(table(rows))
    }
    return 0
  },
}

const classifyCommand: CliCommand = {
  name: 'classify',
  summary: 'Classify a chip under 3A090 (TPP, performance density, paragraph, H100-equivalents)',
  usage: [
    'Usage: headroom classify --chip NAME [--die-area A] [--pack ID]',
    '       headroom classify --tpp N [--die-area A] [--pack ID]',
    '       headroom classify --tops T --bit-length B [--die-area A] [--pack ID]',
  ].join('\n'),
  run(args, _global, io) {
    const { options, positional } = parseArgs(args, ['chip', 'tpp', 'tops', 'bit-length', 'die-area', 'pack'])
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`)
    const pack = packOption(options, false) as RulePack
    const dieArea = numberOption(options, 'die-area')
    const tpp = numberOption(options, 'tpp')
    const tops = numberOption(options, 'tops')
    const bitLength = numberOption(options, 'bit-length')
    let spec: ChipSpec | undefined
    const name = options.get('chip')
    if (name !== undefined) {
      if (tpp !== undefined || tops !== undefined)
        throw new UsageError('give --chip or figures (--tpp, or --tops and --bit-length), not both')
      spec = resolveChip(dieArea === undefined ? name : { name, dieArea })
      if (
        !spec ||
        (typeof spec === 'object' &&
          !('throughputSource' in spec) &&
          spec.tpp === undefined &&
          spec.tops === undefined)
      ) {
        throw new UsageError(`unknown chip "${name}"; give --tpp, or --tops and --bit-length`)
      }
    } else if (tpp !== undefined) {
      if (tops !== undefined || bitLength !== undefined)
        throw new UsageError('give --tpp or --tops/--bit-length, not both')
      spec = { name: 'custom', tpp, ...(dieArea !== undefined ? { dieArea } : {}) }
    } else if (tops !== undefined && bitLength !== undefined) {
      spec = { name: 'custom', tops, bitLength, ...(dieArea !== undefined ? { dieArea } : {}) }
    } else {
      throw new UsageError('give --chip NAME, --tpp N, or --tops T with --bit-length B')
    }
    const c = classifyChip(spec, { thresholds: numericThresholds(pack.classification) })
    json(io, {
      tpp: c.tpp,
      performanceDensity: c.performanceDensity,
      eccn: c.eccn,
      paragraph: c.paragraph,
      h100e: c.h100e,
      name: c.name,
      ...(c.catalogueId ? { catalogueId: c.catalogueId } : {}),
      confidence: c.confidence,
      citation: c.citation,
      ...(c.missing.length ? { missing: c.missing } : {}),
    })
    if (c.eccn === null) {
      io.err(
        `headroom classify: cannot classify without ${c.missing.join(', ')} (1,600 ≤ TPP < 4,800 depends on performance density); give --die-area`,
      )
      return 2
    }
    return 0
  },
}

function determinationRows(ds: Determination[]): string[][] {
  const rows = [
    [
      'DEAL',
      'DATE',
      'PACK',
      'DEST',
      'TIER',
      'ECCN',
      'TPP',
      'H100E',
      'LICENCE',
      'AUTH',
      'REVIEW',
      'OUTCOME',
      'CAPS',
    ],
  ]
  for (const d of ds) {
    rows.push([
      d.dealId,
      d.date,
      d.packId,
      d.destination ?? '-',
      d.tier === null ? '-' : String(d.tier),
      d.eccn ?? '-',
      d.tpp === null ? '-' : String(d.tpp),
      d.h100e === null ? '-' : String(d.h100e),
      d.licenseRequired === null ? '?' : d.licenseRequired ? 'yes' : 'no',
      d.authorization ?? '-',
      d.reviewPolicy ?? '-',
      d.outcome + (d.missing.length ? ` (missing ${d.missing.join('; ')})` : ''),
      d.caps
        .filter((c) => c.counted || c.exceeded)
        .map((c) => `${c.bucket}${c.exceeded ? '!' : ''}`)
        .join(' '),
    ])
  }
  return rows
}

const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'Evaluate a deal book (JSON or CSV) and print a determination per deal',
  usage: 'Usage: headroom evaluate BOOK.(json|csv) [--pack ID|auto] [--format json|table]',
  run(args, _global, io) {
    const { options, positional } = parseArgs(args, ['pack', 'format'])
    if (positional.length !== 1) throw new UsageError('give exactly one deal book file')
    const file = positional[0]!
    const format = formatOption(options, ['json', 'table'], 'json')
    const pack = packOption(options, true)
    const ext = extname(file).toLowerCase()
    if (ext !== '.json' && ext !== '.csv')
      throw new UsageError(`the book must be a .json or .csv file, got "${file}"`)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
    const parsed = parseDealBook(text, ext === '.csv' ? 'csv' : 'json')
    if (!parsed.ok) {
      io.err(
        `headroom evaluate: ${file} is not a valid deal book (${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}); nothing was evaluated`,
      )
      for (const e of parsed.errors)
        io.err(`  ${e.row === null ? '' : `row ${e.row}, `}field ${e.field}: ${e.message}`)
      return 2
    }
    if (format === 'json') {
      // Streamed one determination at a time, so a large book is never held as one output string.
      io.out(
        `{ "format": "headroom-determinations", "version": 1, "pack": ${JSON.stringify(pack === 'auto' ? 'auto' : pack.id)}, "determinations": [`,
      )
      let first = true
      evaluateEach(parsed.book, pack, (d) => {
        io.out(`${first ? '' : ','}${JSON.stringify(d)}`)
        first = false
      })
      io.out(']}')
    } else {
      io.out(table(determinationRows(evaluate(parsed.book, pack))))
    }
    return 0
  },
}

/** The rule-engine commands: `packs`, `classify`, `evaluate`. */
export const rulesCommands: CliCommand[] = [packsCommand, classifyCommand, evaluateCommand]
