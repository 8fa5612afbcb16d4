import type { z } from 'zod'

/**
 * One operation of the contract: a zod schema for its payload (main parses every payload with it,
 * because preload types do not protect main from a compromised renderer) and a phantom output type.
 */
export interface OpSpec<I extends z.ZodType, O> {
  readonly input: I
  /** Shown in review and in the operation snapshot; say what the operation does and what it writes. */
  readonly doc: string
  /** True when the operation writes to the ledger (one transaction per call). */
  readonly mutates: boolean
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O
}

/** `op<Output>()(inputSchema, doc)` — curried so the output type can be named while the input is inferred. */
export function op<O>() {
  return <I extends z.ZodType>(input: I, doc: string, options: { mutates?: boolean } = {}): OpSpec<I, O> => ({
    input,
    doc,
    mutates: options.mutates ?? false,
  })
}
