import type { SampleCounts } from '../../shared/domain/ledger'
import { appendAudit } from './audit'
import { rebuildTotals } from './capacity'
import type { Ledger } from './ledger'
import { writeTransaction, type ActorLike } from './statements'

const SAMPLE_SETTING = "SELECT value FROM setting WHERE key = 'sample.portfolio'"

/** The names of the sample's desk users, as recorded when the sample was loaded. */
function sampleUserNames(db: Ledger): string[] {
  const offered = db.prepare(SAMPLE_SETTING).pluck().get() as string | undefined
  return offered ? ((JSON.parse(offered) as { users?: string[] }).users ?? []) : []
}

/** What `removeSampleData` would take out now (the Ledger screen shows it before asking). */
export function sampleCounts(db: Ledger): SampleCounts {
  const count = (table: string) =>
    db.prepare(`SELECT count(*) FROM ${table} WHERE sample = 1`).pluck().get() as number
  const active = db.prepare('SELECT display_name FROM desk_user WHERE name = ? AND active = 1').pluck()
  return {
    projects: count('project'),
    parties: count('party'),
    chips: count('chip'),
    licences: count('licence'),
    installedBase: count('installed_base'),
    users: sampleUserNames(db)
      .map((name) => active.get(name) as string | undefined)
      .filter((d): d is string => d !== undefined),
  }
}

/**
 * Removes everything marked as sample data (import option `sample`) in one transaction: deals with
 * their lines, status changes, determinations and capacity entries, sample parties, chips, licences
 * and installed base; bucket totals are then rebuilt from the entries that remain. The audit events
 * stay (they are the desk's record, and the chain must not break); one more event records the removal.
 */
export function removeSampleData(db: Ledger, who: ActorLike): { projects: number; parties: number } {
  return writeTransaction(db, () => {
    db.prepare('DELETE FROM capacity_entry WHERE sample = 1').run()
    db.prepare('DELETE FROM determination WHERE sample = 1').run()
    db.prepare('DELETE FROM project_status_change WHERE sample = 1').run()
    const projects = db.prepare('DELETE FROM project WHERE sample = 1').run().changes
    const parties = db.prepare('DELETE FROM party WHERE sample = 1').run().changes
    db.prepare('DELETE FROM chip WHERE sample = 1').run()
    db.prepare('DELETE FROM installed_base WHERE sample = 1').run()
    db.prepare(
      "DELETE FROM capacity_bucket WHERE kind = 'licence' AND substr(bucket, 9) IN (SELECT number FROM licence WHERE sample = 1)",
    ).run()
    db.prepare('DELETE FROM licence WHERE sample = 1').run()
    rebuildTotals(db)
    // Users keep their rows (the audit chain names them) but can no longer act.
    const users = sampleUserNames(db)
    const deactivate = db.prepare('UPDATE desk_user SET active = 0 WHERE name = ?')
    for (const name of users) deactivate.run(name)
    appendAudit(db, who, {
      operation: 'ledger.removeSample',
      entity: 'ledger',
      entityId: null,
      after: { projects, parties, deactivatedUsers: users },
    })
    return { projects, parties }
  })
}
