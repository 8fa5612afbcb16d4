import type { ScenarioRecord } from '../../shared/domain/scenario'
import { AppError } from '../../shared/ipc/result'
import { foldedName } from '../../shared/folded-name'
import { getPack, loadPacks } from '../../shared/rules/packs'
import { validatePack } from '../../shared/rules/schema'
import type { RulePack } from '../../shared/rules/types'
import { applyScenarioEdits, type ScenarioEdit } from '../../shared/scenarios/edits'
import { appendAudit } from './audit'
import { hashAsStored } from './pack-hash'
import type { Ledger } from './ledger'
import { asActor, tx, stampOf, stmt, type ActorLike } from './statements'

interface ScenarioDbRow {
  id: string
  title: string
  based_on: string
  edits: string
  pack: string
  created_by: string
  created_at: string
}

const hasTable = (db: Ledger): boolean =>
  stmt(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'scenario'").pluck().get() ===
  1

/** The desk's scenarios as packs. A stored pack that no longer validates is skipped, never half-used. */
export function scenarioPacks(db: Ledger): RulePack[] {
  if (!hasTable(db)) return []
  const rows = stmt(db, 'SELECT title, pack FROM scenario ORDER BY created_at, id').all() as {
    title: string
    pack: string
  }[]
  const packs: RulePack[] = []
  for (const row of rows) {
    const result = validatePack(JSON.parse(row.pack))
    if (!result.ok) continue
    if (result.pack.title === row.title) packs.push(result.pack)
    else {
      // Renamed: shown under its current title, hashed as stored (the rules and the title it was made
      // with), so a determination made before the rename and one made after carry the same hash, and
      // the hash a memo prints is that of a pack the ledger still holds.
      const shown = { ...result.pack, title: row.title }
      hashAsStored(shown, result.pack)
      packs.push(shown)
    }
  }
  return packs
}

/** Built-in packs and the desk's scenarios: every pack a user may pin. */
export function allPacks(db: Ledger): RulePack[] {
  return [...loadPacks(), ...scenarioPacks(db)]
}

export function listScenarios(db: Ledger): ScenarioRecord[] {
  return (stmt(db, 'SELECT * FROM scenario ORDER BY created_at, id').all() as ScenarioDbRow[]).map((r) => ({
    id: r.id,
    title: r.title,
    basedOn: r.based_on,
    edits: JSON.parse(r.edits) as ScenarioEdit[],
    createdBy: r.created_by,
    createdAt: r.created_at,
  }))
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'scenario'
  )
}

/**
 * Refuses a title another scenario or a built-in pack already has (`except` is the scenario being
 * renamed): the Compare pickers and the "Based on" list show built-in packs and scenarios together,
 * and a report prints the pack's title, so two of one title could not be told apart there.
 */
function refuseTakenTitle(db: Ledger, title: string, except?: string): void {
  const key = foldedName(title)
  const scenarios = stmt(db, 'SELECT id, title FROM scenario ORDER BY created_at, id').all() as {
    id: string
    title: string
  }[]
  const taken =
    scenarios.find((s) => s.id !== except && foldedName(s.title) === key) ??
    loadPacks().find((p) => foldedName(p.title) === key)
  if (!taken) return
  const holder = taken.id.startsWith('scn-') ? 'scenario' : 'rule pack'
  throw new AppError(
    'conflict',
    `The ${holder} “${taken.title}” (${taken.id}) already has that title; give this scenario another.`,
    [{ path: 'title', message: `already the title of ${holder} ${taken.id}` }],
  )
}

/**
 * Makes a scenario from a built-in pack or another scenario plus edits, in one audited transaction.
 * Refused, with the path of every bad edit, when the result does not validate.
 */
export function createScenario(
  db: Ledger,
  who: ActorLike,
  input: { basedOn: string; title: string; edits: ScenarioEdit[] },
): RulePack {
  return tx(db, () => {
    refuseTakenTitle(db, input.title)
    const base = getPack(input.basedOn, allPacks(db))
    if (!base)
      throw new AppError('not_found', `No rule pack or scenario "${input.basedOn}"`, [
        { path: 'basedOn', message: 'unknown pack' },
      ])
    const at = stampOf(who)
    let id = `scn-${slug(input.title)}`
    for (let n = 2; getPack(id, allPacks(db)); n++) id = `scn-${slug(input.title)}-${n}`
    const result = applyScenarioEdits(base, input.edits, {
      id,
      title: input.title,
      author: asActor(who).name,
      date: at.slice(0, 10),
    })
    if (!result.ok) {
      throw new AppError(
        'invalid_input',
        `The scenario is not a valid rule pack — ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        result.issues,
      )
    }
    stmt(
      db,
      `INSERT INTO scenario (id, title, based_on, edits, pack, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.title,
      base.id,
      JSON.stringify(input.edits),
      JSON.stringify(result.pack),
      asActor(who).name,
      at,
    )
    appendAudit(db, who, {
      operation: 'scenario.create',
      entity: 'scenario',
      entityId: id,
      after: { basedOn: base.id, edits: input.edits },
      packId: base.id,
    })
    return result.pack
  })
}

export function deleteScenario(db: Ledger, who: ActorLike, id: string): void {
  tx(db, () => {
    const row = stmt(db, 'SELECT * FROM scenario WHERE id = ?').get(id) as ScenarioDbRow | undefined
    if (!row)
      throw new AppError('not_found', `No scenario "${id}"`, [{ path: 'id', message: 'unknown scenario' }])
    stmt(db, 'DELETE FROM scenario WHERE id = ?').run(id)
    appendAudit(db, who, {
      operation: 'scenario.delete',
      entity: 'scenario',
      entityId: id,
      before: { basedOn: row.based_on, edits: JSON.parse(row.edits) as unknown },
    })
  })
}

/**
 * Gives a scenario a new title, in one audited transaction. Only the title the desk sees changes: the
 * stored pack (its rules, citations and the title it was made with) stays as it was, so its hash and
 * the determinations already stored under it are those recorded (see `scenarioPacks`).
 */
export function renameScenario(db: Ledger, who: ActorLike, input: { id: string; title: string }): void {
  tx(db, () => {
    const row = stmt(db, 'SELECT * FROM scenario WHERE id = ?').get(input.id) as ScenarioDbRow | undefined
    if (!row)
      throw new AppError('not_found', `No scenario "${input.id}"`, [
        { path: 'id', message: 'unknown scenario' },
      ])
    const title = input.title.trim()
    refuseTakenTitle(db, title, row.id)
    if (title === row.title) return
    stmt(db, 'UPDATE scenario SET title = ? WHERE id = ?').run(title, row.id)
    appendAudit(db, who, {
      operation: 'scenario.rename',
      entity: 'scenario',
      entityId: row.id,
      before: { title: row.title },
      after: { title },
    })
  })
}
