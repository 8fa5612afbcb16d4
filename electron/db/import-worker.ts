import { workerData } from 'node:worker_threads'
import { evaluateForImport, type ImportSetup } from './import-evaluation'
import type { ThreadData, ThreadMessage } from './import-thread'
import { toWire, type WireDeal } from './import-wire'
import { parseLedgerBook } from './ledger-book'

/**
 * The import's evaluation thread (see import-thread.ts): parses the book, waits for the ledger's
 * setup, evaluates every deal in date order and posts them in chunks. Every message is counted in
 * shared memory, which is what wakes the importer.
 */

/** Deals per message: large enough that posting costs little, small enough that writing starts soon. */
const CHUNK = 500

const { text, format, port, posted } = workerData as ThreadData
const count = new Int32Array(posted)
const post = (message: ThreadMessage): void => {
  port.postMessage(message)
  Atomics.add(count, 0, 1)
  Atomics.notify(count, 0)
}

try {
  const parsed = parseLedgerBook(text, format)
  // The importer parsed the same text with the same code and stops before asking for deals when
  // the book is invalid; a difference here is a fault, not the user's error.
  if (!parsed.ok) throw new Error('the book did not parse on the evaluation thread')
  const setup = await new Promise<ImportSetup>((resolve) =>
    port.once('message', (m: ImportSetup) => resolve(m)),
  )
  let chunk: WireDeal[] = []
  for (const deal of evaluateForImport(parsed.parsed, setup)) {
    chunk.push(toWire(deal))
    if (chunk.length === CHUNK) {
      post({ type: 'deals', deals: chunk })
      chunk = []
    }
  }
  post({ type: 'deals', deals: chunk })
  post({ type: 'done' })
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
}
