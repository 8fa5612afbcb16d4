import { useRef, useState } from 'react'
import type { ImportResult } from '../../../../shared/domain/ledger'
import type { BookError } from '../../../../shared/rules/types'
import { jobProgress, useJob } from '../../api/useJob'
import { JobEnded } from '../../components/JobEnded'
import { ProgressDialog } from '../../components/ProgressDialog'
import { formatCount, formatInt } from '../../format'

/** How many of a refused book's errors the window lists (the CLI prints them all). */
const ERRORS_LISTED = 20

const describe = (e: BookError): string => `${e.row == null ? '' : `Row ${e.row}, `}${e.field}: ${e.message}`

const CANCEL_NOTE =
  'One transaction: the whole book is written, or nothing is. Cancel leaves the ledger as it was.'

/**
 * Imports a deal book (interchange v1, JSON or CSV) as a background job of the core: the window
 * shows how far it is and can cancel it. The import is one transaction, so a cancelled (or failed)
 * import writes nothing.
 */
export function ImportBook({ onImported }: { onImported(): void }) {
  const input = useRef<HTMLInputElement>(null)
  const job = useJob()
  // Names the progress dialog only: whether the import runs is `job.running`.
  const [fileName, setFileName] = useState('')
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: string[] } | null>(null)

  const importFile = async (file: File) => {
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json'
    setResult(null)
    setFileName(file.name)
    try {
      const end = await job.run(async () => ({
        kind: 'import' as const,
        format,
        text: await file.text(),
        sample: false,
      }))
      if (end.state === 'cancelled') {
        setResult({ ok: true, text: 'Import cancelled; nothing was written.', errors: [] })
      } else if (end.state === 'failed' || end.kind !== 'import' || !end.result) {
        setResult({
          ok: false,
          text: end.error?.message ?? 'The import failed; nothing was written.',
          errors: [],
        })
      } else {
        const r: ImportResult = end.result
        if (r.errors?.length) {
          const n = r.errors.length
          const listed = n > ERRORS_LISTED ? ` The first ${ERRORS_LISTED} of ${formatInt(n)}:` : ''
          setResult({
            ok: false,
            text: `Nothing was imported: ${formatCount(n, 'problem')} in ${file.name}.${listed}`,
            errors: r.errors.slice(0, ERRORS_LISTED).map(describe),
          })
        } else {
          const warned = r.warnings?.length ?? 0
          setResult({
            ok: true,
            text:
              `Imported ${formatCount(r.imported, 'deal')}, ${formatCount(r.parties, 'party', 'parties')}, ${formatCount(r.chips, 'chip')}.` +
              (warned
                ? ` ${formatCount(warned, 'deal was', 'deals were')} recorded with a status the rules contradict` +
                  (warned > ERRORS_LISTED ? ` (the first ${ERRORS_LISTED} of ${formatInt(warned)}):` : ':')
                : ''),
            errors: (r.warnings ?? []).slice(0, ERRORS_LISTED).map(describe),
          })
          onImported()
        }
      }
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message, errors: [] })
    } finally {
      if (input.current) input.current.value = ''
    }
  }

  const progress = job.running
    ? jobProgress(`Importing ${fileName}`, job, { working: 'Writing', cancelNote: CANCEL_NOTE })
    : null

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import deal book…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.csv,application/json,text/csv"
        hidden
        aria-label="Deal book file"
        onChange={(e) => {
          const f = e.target.files?.[0]
          if (f) void importFile(f)
        }}
      />
      <ProgressDialog progress={progress} onCancel={job.cancel} />
      {result && (
        <JobEnded alert={!result.ok} onDismiss={() => setResult(null)}>
          {result.text}
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </JobEnded>
      )}
    </>
  )
}
