import { userInfo } from 'node:os'
import { openLedger, type Ledger } from '../db/ledger'
import type { HandlerContext } from './context'
import { createDispatcher, type Dispatch } from './dispatch'
import { buildHandlerTable } from './handlers/index'
import { APP_VERSION } from './version'

export interface Session {
  ledger: Ledger
  dispatch: Dispatch
  context: HandlerContext
  close(): void
}

export interface OpenSessionOptions {
  ledgerPath: string
  host: HandlerContext['host']
  actor?: string
}

/** Opens the ledger and builds the handler table around it: everything a transport needs. */
export function openSession(options: OpenSessionOptions): Session {
  const ledger = openLedger(options.ledgerPath)
  const context: HandlerContext = {
    ledger,
    ledgerPath: options.ledgerPath,
    host: options.host,
    actor: options.actor ?? safeOsUser(),
    appVersion: APP_VERSION,
  }
  const dispatch = createDispatcher(buildHandlerTable(), context)
  return { ledger, dispatch, context, close: () => ledger.close() }
}

function safeOsUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}
