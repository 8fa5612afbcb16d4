import type { InstalledBaseRow, PartyKind, PartyRow, PartyVeu } from '../../shared/domain/party'
import { AppError } from '../../shared/ipc/result'
import type { Party } from '../../shared/rules/types'
import { appendAudit } from './audit'
import type { Ledger } from './ledger'
import { asActor, stampOf, stmt, type ActorLike, tx } from './statements'

interface PartyDbRow {
  id: number
  name: string
  kind: PartyKind
  hq: string | null
  parent_known: number
  parent_hq: string | null
  parent_name: string | null
  veu_kind: 'UVEU' | 'NVEU' | null
  veu_id: string | null
  veu_hq: string | null
  veu_countries: string
  notes: string
  version: number
  sample: number
  created_at: string
  updated_at: string
}

export interface PartyInput {
  id?: number
  name: string
  kind?: PartyKind
  hq?: string | null
  /** Null: no ultimate parent; undefined: unknown. */
  parentHq?: string | null
  parentName?: string | null
  veu?: PartyVeu | null
  notes?: string
}

const toParty = (r: PartyDbRow): PartyRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  hq: r.hq,
  ...(r.parent_known ? { parentHq: r.parent_hq } : {}),
  parentName: r.parent_name,
  veu:
    r.veu_kind && r.veu_id && r.veu_hq
      ? { kind: r.veu_kind, id: r.veu_id, hq: r.veu_hq, countries: JSON.parse(r.veu_countries) as string[] }
      : null,
  notes: r.notes,
  version: r.version,
  sample: r.sample === 1,
  updatedAt: r.updated_at,
})

/** The rule engine's view of a party (fills a deal's missing headquarters and VEU). */
export function toEngineParty(p: PartyRow): Party {
  return {
    name: p.name,
    ...(p.hq ? { hq: p.hq } : {}),
    ...(p.parentHq !== undefined ? { parentHq: p.parentHq } : {}),
    ...(p.veu
      ? {
          veu: {
            id: p.veu.id,
            kind: p.veu.kind,
            hq: p.veu.hq,
            // An NVEU's countries when the desk recorded them: the engine checks the destination.
            ...(p.veu.kind === 'NVEU' && p.veu.countries.length ? { countries: p.veu.countries } : {}),
          },
        }
      : {}),
  }
}

export function listParties(db: Ledger, filter: { quick?: string; sample?: boolean } = {}): PartyRow[] {
  const rows = stmt(db, 'SELECT * FROM party ORDER BY name').all() as PartyDbRow[]
  const q = filter.quick?.toLowerCase()
  return rows
    .filter((r) => (filter.sample === undefined ? true : (r.sample === 1) === filter.sample))
    .filter((r) => (q ? r.name.toLowerCase().includes(q) : true))
    .map(toParty)
}

export function getPartyByName(db: Ledger, name: string): PartyRow | undefined {
  const r = stmt(db, 'SELECT * FROM party WHERE name = ? COLLATE NOCASE').get(name.trim()) as
    PartyDbRow | undefined
  return r ? toParty(r) : undefined
}

export function enginePartyByName(db: Ledger, name: string): Party | undefined {
  const p = getPartyByName(db, name)
  return p ? toEngineParty(p) : undefined
}

/** Every party in the engine's shape, keyed by lower-case name (for evaluating many deals). */
export function enginePartyMap(db: Ledger): Map<string, Party> {
  const map = new Map<string, Party>()
  for (const r of stmt(db, 'SELECT * FROM party').all() as PartyDbRow[])
    map.set(r.name.trim().toLowerCase(), toEngineParty(toParty(r)))
  return map
}

/** Creates a party, or saves a new version of one (the audit event keeps the old one). */
export function upsertParty(
  db: Ledger,
  who: ActorLike,
  input: PartyInput,
  options: { sample?: boolean; audit?: boolean } = {},
): PartyRow {
  return tx(db, () => {
    const at = stampOf(who)
    const existing =
      input.id !== undefined
        ? (stmt(db, 'SELECT * FROM party WHERE id = ?').get(input.id) as PartyDbRow | undefined)
        : undefined
    if (input.id !== undefined && !existing)
      throw new AppError('not_found', `No party with id ${input.id}.`, [
        { path: 'id', message: 'unknown party' },
      ])
    const clash = getPartyByName(db, input.name)
    if (clash && clash.id !== input.id) {
      throw new AppError('conflict', `A party named ${clash.name} already exists.`, [
        { path: 'name', message: 'already exists' },
      ])
    }
    const values = {
      name: input.name.trim(),
      kind: input.kind ?? 'consignee',
      hq: input.hq ?? null,
      parent_known: input.parentHq !== undefined ? 1 : 0,
      parent_hq: input.parentHq ?? null,
      parent_name: input.parentName ?? null,
      veu_kind: input.veu?.kind ?? null,
      veu_id: input.veu?.id ?? null,
      veu_hq: input.veu?.hq ?? null,
      veu_countries: JSON.stringify(input.veu?.countries ?? []),
      notes: input.notes ?? '',
      at,
    }
    let id: number
    if (existing) {
      stmt(
        db,
        `UPDATE party SET name = @name, kind = @kind, hq = @hq, parent_known = @parent_known, parent_hq = @parent_hq,
           parent_name = @parent_name, veu_kind = @veu_kind, veu_id = @veu_id, veu_hq = @veu_hq, veu_countries = @veu_countries,
           notes = @notes, version = version + 1, updated_at = @at WHERE id = @id`,
      ).run({ ...values, id: existing.id })
      id = existing.id
    } else {
      const info = stmt(
        db,
        `INSERT INTO party (name, kind, hq, parent_known, parent_hq, parent_name, veu_kind, veu_id, veu_hq, veu_countries, notes, sample, created_at, updated_at)
         VALUES (@name, @kind, @hq, @parent_known, @parent_hq, @parent_name, @veu_kind, @veu_id, @veu_hq, @veu_countries, @notes, @sample, @at, @at)`,
      ).run({ ...values, sample: options.sample ? 1 : 0 })
      id = Number(info.lastInsertRowid)
    }
    const after = toParty(stmt(db, 'SELECT * FROM party WHERE id = ?').get(id) as PartyDbRow)
    if (options.audit !== false) {
      appendAudit(db, who, {
        operation: existing ? 'party.update' : 'party.create',
        entity: 'party',
        entityId: String(id),
        before: existing ? toParty(existing) : null,
        after,
      })
    }
    return after
  })
}

export function installedBase(db: Ledger, veu?: string): InstalledBaseRow[] {
  const rows = (
    veu
      ? stmt(
          db,
          'SELECT veu_id, country, sum(tpp) AS tpp FROM installed_base WHERE veu_id = ? GROUP BY veu_id, country ORDER BY veu_id, country',
        ).all(veu)
      : stmt(
          db,
          'SELECT veu_id, country, sum(tpp) AS tpp FROM installed_base GROUP BY veu_id, country ORDER BY veu_id, country',
        ).all()
  ) as Array<{ veu_id: string; country: string; tpp: number }>
  return rows.map((r) => ({ veu: r.veu_id, country: r.country, tpp: r.tpp }))
}

/** Appends an installed-base entry (a correction is a negative one). */
export function recordInstalledBase(
  db: Ledger,
  who: ActorLike,
  input: { veu: string; country: string; tpp: number; note?: string },
  options: { sample?: boolean; audit?: boolean } = {},
): InstalledBaseRow {
  return tx(db, () => {
    if (!Number.isInteger(input.tpp))
      throw new AppError('invalid_input', 'Installed base is recorded in whole TPP.', [
        { path: 'tpp', message: 'a whole number' },
      ])
    const info = stmt(
      db,
      'INSERT INTO installed_base (veu_id, country, tpp, recorded_at, actor, note, sample) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      input.veu,
      input.country,
      input.tpp,
      stampOf(who),
      asActor(who).name,
      input.note ?? '',
      options.sample ? 1 : 0,
    )
    if (options.audit !== false) {
      appendAudit(db, who, {
        operation: 'installed_base.record',
        entity: 'installed_base',
        entityId: String(info.lastInsertRowid),
        after: input,
      })
    }
    return (
      installedBase(db, input.veu).find((r) => r.country === input.country) ?? {
        veu: input.veu,
        country: input.country,
        tpp: input.tpp,
      }
    )
  })
}
