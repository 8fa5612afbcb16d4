import { useCallback, useEffect, useId, useState } from 'react'
import {
  CSV_BOOK_LEAVES_OUT,
  csvNotCarriedWords,
  dealBookFileName,
  hasSample,
  restoreConsequences,
  type BackupFile,
  type DealBookFormat,
  type Fingerprint,
  type LedgerStatus,
} from '../../../../shared/domain/ledger'
import { call } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { formatDate, formatInt } from '../../format'
import { downloadJson, downloadText } from '../../grid/exporters'
import { navigate, useRoute } from '../../shell/routes'
import { useSession } from '../../shell/session'
import { joinWords, sampleParts } from './sampleWords'

interface Loaded {
  status: LedgerStatus
  fingerprint: Fingerprint
  backups: BackupFile[]
}

type Outcome = { ok: boolean; text: string } | null

const kilobytes = (bytes: number) => `${formatInt(Math.max(1, Math.round(bytes / 1024)))} KB`

const FORMATS: readonly { format: DealBookFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
]

/**
 * The ledger file itself: which one is open and its fingerprint, the sample portfolio and its removal,
 * backups (into the `backups` folder beside the ledger, which a browser can use without a file
 * dialog), restore from one of them or from a path, and the deal book export. The core does the work
 * and audits it under the header's "Acting as" user; a restore or removal reloads every screen.
 */
export function LedgerScreen() {
  const session = useSession()
  const { params } = useRoute('ledger')
  const ids = useId()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<string | null>(null)
  const [otherPath, setOtherPath] = useState('')
  const [includeSample, setIncludeSample] = useState(true)
  const [format, setFormat] = useState<DealBookFormat>('json')
  const removing = params.get('remove') === 'sample'
  const actor = session.user?.displayName ?? session.user?.name ?? 'the current desk user'

  const load = useCallback(async () => {
    try {
      const [status, fingerprint, backups] = await Promise.all([
        call('ledger.status', {}),
        call('ledger.fingerprint', {}),
        call('ledger.backups', {}),
      ])
      setLoaded({ status, fingerprint, backups })
      setLoadError(null)
    } catch (e) {
      setLoadError((e as Error).message)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load, session.dataVersion])

  /** Runs one action; a refusal is shown in the core's own words. */
  const act = async (run: () => Promise<string>, changesLedger: boolean) => {
    setBusy(true)
    setOutcome(null)
    try {
      setOutcome({ ok: true, text: await run() })
      // Every screen reads the ledger again (the session bumps its data version); this one too.
      if (changesLedger) session.bumpData()
      else await load()
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const backUp = () =>
    act(async () => {
      const r = await call('ledger.backup', {})
      return `Backed up to ${r.path} (${kilobytes(r.bytes)}, audit head ${r.headHash.slice(0, 12)}…).`
    }, false)

  const restore = (path: string) =>
    act(async () => {
      const r = await call('ledger.restore', { path })
      const acting = r.actingAs
        ? ` The user you acted as is no longer active in the restored ledger: you now act as ${r.actingAs}.`
        : ''
      return `Restored from ${path}. The ledger it replaced is kept as ${r.previousPath}.${acting}`
    }, true)

  const removeSample = () =>
    act(async () => {
      const r = await call('ledger.removeSample', {})
      const acting = r.actingAs ? ` The sample's users can no longer act: you now act as ${r.actingAs}.` : ''
      return `Sample data removed: ${formatInt(r.projects)} deals and ${formatInt(r.parties)} parties. The removal is in the audit log.${acting}`
    }, true)

  // The core writes the book (JSON object or CSV text); the window only saves what it was given.
  const exportBook = () =>
    act(async () => {
      const name = dealBookFileName(new Date(), format)
      const without = includeSample ? '' : ' (without sample data)'
      if (format === 'json') {
        const book = await call('ledger.export', { includeSample })
        downloadJson(book, name)
        return `Exported ${formatInt(book.deals.length)} deals as ${name}${without}.`
      }
      const csv = await call('ledger.exportCsv', { includeSample })
      downloadText(csv.text, name, 'text/csv;charset=utf-8')
      return `Exported ${formatInt(csv.deals)} deals (${formatInt(csv.lines)} lines) as ${name}${without}. ${CSV_BOOK_LEAVES_OUT}${csvNotCarriedWords(csv.notCarried)}`
    }, false)

  const status = loaded?.status
  const sample = status && hasSample(status.sample) ? status.sample : null

  return (
    <section className="screen ledger-screen" aria-labelledby={`${ids}title`}>
      <header className="screen-header">
        <h1 id={`${ids}title`}>Ledger</h1>
        {status && <span className="muted">{status.fileName}</span>}
      </header>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {outcome && (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'ledger-outcome' : 'ledger-outcome error'}
          data-testid="ledger-outcome"
        >
          {outcome.text}
        </p>
      )}

      {loaded && status && (
        <>
          <section className="ledger-part" aria-labelledby={`${ids}file`}>
            <h2 id={`${ids}file`}>Ledger file</h2>
            <dl className="facts">
              <dt>File</dt>
              <dd data-testid="ledger-path">{status.path}</dd>
              <dt>Fingerprint</dt>
              <dd className="hash" data-testid="ledger-fingerprint">
                {loaded.fingerprint.headHash}
              </dd>
              <dt>Audit events</dt>
              <dd>{formatInt(loaded.fingerprint.events)}</dd>
              <dt>Schema</dt>
              <dd>{loaded.fingerprint.schemaVersion}</dd>
            </dl>
            <p className="muted small">
              The fingerprint is the hash at the head of the audit chain; reports print it in their footer.
            </p>
          </section>

          <section className="ledger-part" aria-labelledby={`${ids}sample`}>
            <h2 id={`${ids}sample`}>Sample data</h2>
            {sample ? (
              <>
                <p data-testid="ledger-sample">
                  Sample portfolio loaded: {joinWords(sampleParts(sample))}. Deal ids start with SMPL-.
                </p>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => navigate('ledger', { remove: 'sample' }, { replace: true })}
                >
                  Remove sample data…
                </button>
              </>
            ) : (
              <p data-testid="ledger-sample">No sample data in this ledger.</p>
            )}
          </section>

          <section className="ledger-part" aria-labelledby={`${ids}backups`}>
            <h2 id={`${ids}backups`}>Backups</h2>
            <p>
              A backup is a consistent copy of the ledger file, made while the desk keeps working, into{' '}
              <code>{status.backupsFolder}</code>. Each backup is recorded in the audit log.
            </p>
            <div className="toolbar">
              <button type="button" className="primary" disabled={busy} onClick={() => void backUp()}>
                Back up now
              </button>
            </div>
            {loaded.backups.length === 0 ? (
              <p className="muted">No backups in that folder yet.</p>
            ) : (
              <table className="simple-table ledger-backups" aria-label="Backups">
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Made</th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col" aria-label="Action" />
                  </tr>
                </thead>
                <tbody>
                  {loaded.backups.map((b) => (
                    <tr key={b.path}>
                      <td>{b.name}</td>
                      <td>{formatDate(b.modifiedAt)}</td>
                      <td className="num">{kilobytes(b.bytes)}</td>
                      <td>
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={`Restore from ${b.name}…`}
                          onClick={() => setRestoring(b.path)}
                        >
                          Restore…
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <form
              className="toolbar"
              onSubmit={(e) => {
                e.preventDefault()
                if (otherPath.trim()) setRestoring(otherPath.trim())
              }}
            >
              <label htmlFor={`${ids}other`}>Or a backup file elsewhere on this computer</label>
              <input
                id={`${ids}other`}
                type="text"
                className="path-input"
                placeholder="Full path of a .sqlite backup"
                value={otherPath}
                onChange={(e) => setOtherPath(e.target.value)}
              />
              <button type="submit" disabled={busy || !otherPath.trim()}>
                Restore from a backup…
              </button>
            </form>
          </section>

          <section className="ledger-part" aria-labelledby={`${ids}export`}>
            <h2 id={`${ids}export`}>Export</h2>
            <p>
              The deal book in the interchange format, which Import deal book on the Projects screen (here or
              in another Headroom) reads back:
            </p>
            <ul>
              <li>
                <strong>JSON</strong>: the whole book, deals with their ledger status and people, licences,
                parties, chips and installed base.
              </li>
              <li>
                <strong>CSV</strong>: one row per deal line, for a spreadsheet or another Headroom.{' '}
                {CSV_BOOK_LEAVES_OUT}
              </li>
            </ul>
            <div className="toolbar">
              <div className="segmented" role="radiogroup" aria-label="Deal book format">
                {FORMATS.map((f) => (
                  <label key={f.format}>
                    <input
                      type="radio"
                      name={`${ids}format`}
                      value={f.format}
                      checked={format === f.format}
                      onChange={() => setFormat(f.format)}
                    />
                    {f.label}
                  </label>
                ))}
              </div>
              {sample && (
                <label>
                  <input
                    type="checkbox"
                    checked={includeSample}
                    onChange={(e) => setIncludeSample(e.target.checked)}
                  />{' '}
                  Include sample data
                </label>
              )}
              <button type="button" disabled={busy} onClick={() => void exportBook()}>
                Export deal book…
              </button>
            </div>
          </section>
        </>
      )}

      <ConfirmDialog
        open={restoring !== null}
        title="Restore the ledger from a backup?"
        action="Restore"
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const path = restoring!
          setRestoring(null)
          void restore(path)
        }}
      >
        <p>
          Restore from <code>{restoring}</code>:
        </p>
        <ul>
          {restoreConsequences(status?.fileName ?? 'the ledger').map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>The restore is recorded under {actor}.</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={removing && sample !== null}
        title="Remove the sample data?"
        action="Remove sample data"
        onCancel={() => navigate('ledger', undefined, { replace: true })}
        onConfirm={() => {
          navigate('ledger', undefined, { replace: true })
          void removeSample()
        }}
      >
        {sample && (
          <>
            <p>In one transaction, this removes from the ledger:</p>
            <ul>
              {sample.projects > 0 && (
                <li>
                  {formatInt(sample.projects)} sample deals, with their lines, status history, determinations
                  and capacity entries
                </li>
              )}
              {sample.parties > 0 && <li>{formatInt(sample.parties)} sample parties</li>}
              {sample.chips > 0 && <li>{formatInt(sample.chips)} sample chips</li>}
              {sample.licences > 0 && <li>{formatInt(sample.licences)} sample licences</li>}
              {sample.installedBase > 0 && (
                <li>{formatInt(sample.installedBase)} sample installed-base records</li>
              )}
              {sample.users.length > 0 && (
                <li>
                  the sample desk users {joinWords(sample.users)} can no longer act (they stay listed, as the
                  audit log names them)
                </li>
              )}
            </ul>
            <p>
              Capacity totals are then rebuilt from the entries that remain; your own deals are not touched.
              The audit log keeps all its events, and the removal is recorded as one more, under {actor}. It
              cannot be undone except by restoring a backup.
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  )
}
