import { basename } from 'node:path'
import type { HandlerTable } from '../../../shared/ipc/contract'
import { auditCount, headHash } from '../../db/audit'
import { exportBookCsv } from '../../db/book-csv'
import { exportBook, importBook } from '../../db/interchange'
import { schemaVersion } from '../../db/ledger'
import { backupsFolder, defaultBackupPath, listBackups } from '../../db/ledger-files'
import { backupTo, restoreLedger } from '../../db/restore'
import { removeSampleData, sampleCounts } from '../../db/sample'
import { readSnapshot, tx } from '../../db/statements'
import { returnToSessionUser } from '../../db/users'
import type { HandlerContext } from '../context'
import { who } from './who'

export const ledgerHandlers: Partial<HandlerTable<HandlerContext>> = {
  'ledger.import': ({ format, text, sample }, ctx) =>
    importBook(ctx.ledger, text, who(ctx), { format, sample }),
  'ledger.export': ({ includeSample }, ctx) => exportBook(ctx.ledger, { includeSample, now: ctx.now }),
  'ledger.exportCsv': ({ includeSample }, ctx) => exportBookCsv(ctx.ledger, { includeSample }),
  'ledger.backup': ({ path }, ctx) =>
    backupTo(ctx.ledger, who(ctx), path ?? defaultBackupPath(ctx.ledgerPath, ctx.now())),
  'ledger.backups': (_input, ctx) => listBackups(ctx.ledgerPath),
  'ledger.status': (_input, ctx) => ({
    path: ctx.ledgerPath,
    fileName: basename(ctx.ledgerPath),
    backupsFolder: backupsFolder(ctx.ledgerPath),
    sample: sampleCounts(ctx.ledger),
  }),
  'ledger.restore': ({ path }, ctx) => {
    const { db, result } = restoreLedger(ctx.ledger, ctx.ledgerPath, path, who(ctx), ctx.now())
    ctx.ledger = db
    // The restored ledger may know the acting user as deactivated (a backup taken after the sample's
    // removal): the session goes back to its own user there, as after a removal.
    const back = returnToSessionUser(db, who(ctx), ctx.sessionUser)
    if (back) ctx.actor = back
    return { ...result, actingAs: back }
  },
  // One snapshot: a head read before another program's commit and a count read after it would print
  // a fingerprint of no state the ledger was ever in.
  'ledger.fingerprint': (_input, ctx) =>
    readSnapshot(ctx.ledger, () => ({
      headHash: headHash(ctx.ledger),
      events: auditCount(ctx.ledger),
      schemaVersion: schemaVersion(ctx.ledger),
    })),
  'ledger.removeSample': (_input, ctx) => {
    const db = ctx.ledger
    // The sample's users are deactivated with it. A session acting as one of them goes back to its
    // own user (recorded as a switch), so the desk's real work is never recorded under a sample name.
    let back: string | null = null
    const removed = tx(db, () => {
      const counts = removeSampleData(db, who(ctx))
      back = returnToSessionUser(db, who(ctx), ctx.sessionUser)
      return counts
    })
    if (back) ctx.actor = back
    return { ...removed, actingAs: back }
  },
}
