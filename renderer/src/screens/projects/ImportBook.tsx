import { useRef, useState } from 'react'
import type { ImportResult } from '../../../../shared/domain/ledger'
import { call } from '../../api/client'
import { ProgressDialog, type Progress } from '../../components/ProgressDialog'
import { formatInt } from '../../format'

/**
 * Imports a deal book (interchange v1, JSON or CSV). `ledger.import` is one transaction with no
 * progress events: it writes the whole book or nothing, so the dialog shows that it is working and
 * says why there is no Cancel (stopping half way could not leave a partial write anyway).
 */
export function ImportBook({ onImported }: { onImported(): void }) {
  const input = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: string[] } | null>(null)

  const importFile = async (file: File) => {
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json'
    setResult(null)
    setProgress({
      title: `Importing ${file.name}`,
      done: 0,
      total: 0,
      note: 'One transaction: the whole book is written, or nothing is.',
    })
    try {
      const r: ImportResult = await call('ledger.import', { format, text: await file.text(), sample: false })
      if (r.errors?.length) {
        setResult({
          ok: false,
          text: `Nothing was imported: ${formatInt(r.errors.length)} problems in ${file.name}.`,
          errors: r.errors
            .slice(0, 20)
            .map((e) => `${e.row == null ? '' : `Row ${e.row}, `}${e.field}: ${e.message}`),
        })
      } else {
        setResult({
          ok: true,
          text: `Imported ${formatInt(r.imported)} deals, ${formatInt(r.parties)} parties, ${formatInt(r.chips)} chips.`,
          errors: [],
        })
        onImported()
      }
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message, errors: [] })
    } finally {
      setProgress(null)
      if (input.current) input.current.value = ''
    }
  }

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
      <ProgressDialog progress={progress} />
      {result && (
        <div
          role={result.ok ? 'status' : 'alert'}
          className={result.ok ? 'import-result' : 'import-result error'}
        >
          {result.text}
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setResult(null)}>
            ✕
          </button>
        </div>
      )}
    </>
  )
}
