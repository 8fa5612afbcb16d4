import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import { spawnWorker, workerEntry, type WorkerEntry } from '../workers/worker-entry'
import type { EvaluatedDeal, ImportSetup } from './import-evaluation'

/**
 * The import's second thread, seen from the importer. The importer's loop is synchronous and holds
 * the transaction open, so it cannot await messages: the worker counts every message it posts in
 * shared memory and wakes the importer, which takes messages off the port with
 * `receiveMessageOnPort` and otherwise sleeps on that counter (`Atomics.wait`).
 *
 * The worker parses the book itself while the importer parses and checks it (two parses in parallel
 * cost less than sending a parsed book across), then waits for the setup the importer reads from the
 * ledger, and sends the evaluated deals in chunks, in date order.
 */

/** From the worker to the importer. */
export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'deals'; deals: EvaluatedDeal[] }
  | { type: 'done' }
  | { type: 'failed'; message: string }

export interface ThreadData {
  text: string
  format: 'json' | 'csv'
  port: MessagePort
  /** Int32 at 0: messages posted so far. */
  posted: SharedArrayBuffer
}

/** How long the importer waits for a worker that says nothing before it gives up (a dead worker). */
const SILENCE_MS = 120_000

export const importWorkerEntry = (base: string = import.meta.url): WorkerEntry =>
  workerEntry('import-worker', base)

export class ImportThread {
  private readonly posted: Int32Array
  private readonly port: MessagePort
  private readonly worker: Worker

  private constructor(text: string, format: 'json' | 'csv', entry: WorkerEntry) {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    this.posted = new Int32Array(new SharedArrayBuffer(4))
    const workerData: ThreadData = {
      text,
      format,
      port: port2,
      posted: this.posted.buffer as SharedArrayBuffer,
    }
    this.worker = spawnWorker(entry, { workerData, transferList: [port2] })
  }

  /** Starts the worker on the book's text; it parses while the caller does. */
  static start(text: string, format: 'json' | 'csv', entry: WorkerEntry = importWorkerEntry()): ImportThread {
    return new ImportThread(text, format, entry)
  }

  /** Hands the worker what it needs from the ledger, and yields the deals as they come. */
  *evaluate(setup: ImportSetup): Generator<EvaluatedDeal> {
    this.port.postMessage(setup)
    for (;;) {
      const message = this.next()
      if (message.type === 'deals') yield* message.deals
      else if (message.type === 'done') return
      else if (message.type === 'failed')
        throw new Error(`The import's evaluation thread failed: ${message.message}`)
    }
  }

  /** Ends the worker, whatever it is doing (the import finished, failed or was cancelled). */
  stop(): void {
    this.port.close()
    void this.worker.terminate()
  }

  private next(): ThreadMessage {
    let silent = 0
    for (;;) {
      // Read the count before looking, so a message posted in between makes the wait return at once.
      const count = Atomics.load(this.posted, 0)
      const received = receiveMessageOnPort(this.port)
      if (received) return received.message as ThreadMessage
      if (Atomics.wait(this.posted, 0, count, 1_000) === 'timed-out' && (silent += 1_000) >= SILENCE_MS)
        throw new Error(`The import's evaluation thread said nothing for ${SILENCE_MS / 1000} s.`)
    }
  }
}
