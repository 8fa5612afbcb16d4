import type { ChipRow } from '../../shared/domain/chip'
import { AppError } from '../../shared/ipc/result'
import { CHIP_CATALOGUE, findCatalogueChip } from '../../shared/rules/catalogue'
import { classifyChip, type NumericThresholds } from '../../shared/rules/classifier'
import type { ChipSpec } from '../../shared/rules/types'
import { appendAudit } from './audit'
import type { Ledger } from './ledger'
import { asActor, stampOf, stmt, type ActorLike, tx } from './statements'

interface ChipDbRow {
  id: string
  name: string
  vendor: string
  spec: string
  source: string
  sample: number
  created_at: string
  created_by: string
}

/** The desk's own chips as specs (book-level chips for the engine: deals refer to them by id or name). */
export function deskChipSpecs(db: Ledger): ChipSpec[] {
  return (
    stmt(db, 'SELECT id, spec FROM chip ORDER BY id').all() as Array<Pick<ChipDbRow, 'id' | 'spec'>>
  ).map((r) => ({
    ...(JSON.parse(r.spec) as ChipSpec),
    id: r.id,
  }))
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'chip'

/** Catalogue and desk chips with their classification (under the given pack's thresholds). */
export function listChips(
  db: Ledger,
  options: { quick?: string; thresholds?: NumericThresholds } = {},
): ChipRow[] {
  const q = options.quick?.toLowerCase()
  const catalogue: ChipRow[] = CHIP_CATALOGUE.map((c) => ({
    id: c.id,
    name: c.name,
    vendor: c.vendor,
    origin: 'catalogue',
    aliases: [...c.aliases],
    spec: c,
    classification: classifyChip(c, { thresholds: options.thresholds }),
    source: c.throughputSource.citation,
    note: c.note ?? null,
  }))
  const desk: ChipRow[] = (stmt(db, 'SELECT * FROM chip ORDER BY name').all() as ChipDbRow[]).map((r) => {
    const spec = { ...(JSON.parse(r.spec) as ChipSpec), id: r.id }
    return {
      id: r.id,
      name: r.name,
      vendor: r.vendor,
      origin: 'desk',
      aliases: [],
      spec,
      classification: classifyChip(spec, { thresholds: options.thresholds }),
      source: r.source,
      note: null,
    }
  })
  return [...catalogue, ...desk].filter((c) =>
    q ? `${c.name} ${c.vendor} ${c.aliases.join(' ')}`.toLowerCase().includes(q) : true,
  )
}

/** Adds a chip to the desk's catalogue. Refuses a name or id the shipped catalogue already uses. */
export function createChip(
  db: Ledger,
  who: ActorLike,
  input: { id?: string; vendor?: string; spec: ChipSpec; source?: string },
  options: { sample?: boolean; audit?: boolean } = {},
): ChipRow {
  return tx(db, () => {
    const id = input.id ?? input.spec.id ?? `desk-${slug(input.spec.name)}`
    if (findCatalogueChip(id) || findCatalogueChip(input.spec.name)) {
      throw new AppError(
        'conflict',
        `${input.spec.name} is already in the shipped catalogue; use it, or give the desk's chip another name.`,
        [{ path: 'spec.name', message: 'already in the catalogue' }],
      )
    }
    const clash = stmt(db, 'SELECT id FROM chip WHERE id = ? OR name = ? COLLATE NOCASE').get(
      id,
      input.spec.name,
    ) as { id: string } | undefined
    if (clash)
      throw new AppError('conflict', `The desk already has a chip ${clash.id} with that id or name.`, [
        { path: 'spec.name', message: 'already exists' },
      ])
    const spec = { ...input.spec }
    delete spec.id
    stmt(
      db,
      'INSERT INTO chip (id, name, vendor, spec, source, sample, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      input.spec.name,
      input.vendor ?? '',
      JSON.stringify(spec),
      input.source ?? '',
      options.sample ? 1 : 0,
      stampOf(who),
      asActor(who).name,
    )
    const row = listChips(db).find((c) => c.id === id)!
    if (options.audit !== false)
      appendAudit(db, who, {
        operation: 'chip.create',
        entity: 'chip',
        entityId: id,
        after: { id, vendor: input.vendor ?? '', spec, source: input.source ?? '' },
      })
    return row
  })
}
