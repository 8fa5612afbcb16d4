import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import { spawnWorker, workerEntry, type WorkerEntry } from '../workers/worker-entry'
import type { EvaluatedDeal, ImportSetup } from './import-evaluation'
import { fromWire, type WireDeal } from './import-wire'

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
  { type: 'deals'; deals: WireDeal[] } | { type: 'done' } | { type: 'failed'; message: string }

export interface ThreadData {
  text: string
  format: 'json' | 'csv'
  port: MessagePort
  /** Int32 at 0: messages posted so far. */
  posted: SharedArrayBuffer
}

/**
 * How long the importer waits for a worker that says nothing before it gives up. A worker that fails
 * in its own code says so at once; one that dies without running any (its entry does not load, or it
 * runs out of memory) can only be told by its silence, since the importer's thread cannot take the
 * worker's `error` or `exit` events while it waits. Parsing 100,000 deals takes about a second.
 */
const SILENCE_MS = 60_000

export const importWorkerEntry = (base: string = import.meta.url): WorkerEntry =>
  workerEntry('import-worker', base)

export interface ThreadOptions {
  entry?: WorkerEntry
  /** Tests: a shorter wait for a silent worker. */
  silenceMs?: number
}

export class ImportThread {
  private readonly posted: Int32Array
  private readonly port: MessagePort
  private readonly worker: Worker
  private readonly silenceMs: number

  private constructor(text: string, format: 'json' | 'csv', options: ThreadOptions) {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    this.posted = new Int32Array(new SharedArrayBuffer(4))
    this.silenceMs = options.silenceMs ?? SILENCE_MS
    const workerData: ThreadData = {
      text,
      format,
      port: port2,
      posted: this.posted.buffer as SharedArrayBuffer,
    }
    this.worker = spawnWorker(options.entry ?? importWorkerEntry(), { workerData, transferList: [port2] })
    // Delivered only once the importer's thread is free again, and then only worth a log line: the
    // import has already failed on the worker's silence. Without a listener it would be an uncaught
    // error that ends the process.
    this.worker.on('error', (error) => console.error("The import's evaluation thread failed:", error))
  }

  /** Starts the worker on the book's text; it parses while the caller does. */
  static start(text: string, format: 'json' | 'csv', options: ThreadOptions = {}): ImportThread {
    return new ImportThread(text, format, options)
  }

  /**
   * Hands the worker what it needs from the ledger, and yields the deals as they come. While it
   * waits it calls `stopIfCancelled` every second, which throws to stop the import.
   */
  *evaluate(setup: ImportSetup, stopIfCancelled: () => void = () => {}): Generator<EvaluatedDeal> {
    this.port.postMessage(setup)
    for (;;) {
      const message = this.next(stopIfCancelled)
      if (message.type === 'deals') for (const deal of message.deals) yield fromWire(deal)
      else if (message.type === 'done') return
      else throw new Error(`The import's evaluation thread failed: ${message.message}`)
    }
  }

  /** Ends the worker, whatever it is doing (the import finished, failed or was cancelled). */
  stop(): void {
    this.port.close()
    void this.worker.terminate()
  }

  private next(stopIfCancelled: () => void): ThreadMessage {
    let silent = 0
    for (;;) {
      // Read the count before looking, so a message posted in between makes the wait return at once.
      const count = Atomics.load(this.posted, 0)
      const received = receiveMessageOnPort(this.port)
      if (received) return received.message as ThreadMessage
      if (Atomics.wait(this.posted, 0, count, 1_000) !== 'timed-out') continue
      stopIfCancelled()
      if ((silent += 1_000) >= this.silenceMs)
        throw new Error(`The import's evaluation thread said nothing for ${this.silenceMs / 1000} s.`)
    }
  }
}
