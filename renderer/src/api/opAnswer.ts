/**
 * What a read operation's hook (`useOp`) shows, worked out from the last answer it settled and the
 * question now asked. Kept apart from React so the rule a screen relies on can be tested: an answer is
 * shown as current only for the question it answers. An answer to an earlier question (another input,
 * or the same one before the ledger changed or a reload) is offered as `previous`, never as `data`, so
 * a screen that keeps it in view must show it as what it is.
 */

/** The last answer (or refusal) the hook received, with the question it answers. */
export interface Settled<T, I> {
  /** `questionOf` the answer was asked for. */
  question: string
  /** The input as sent, for a screen that says whose figures `previous` are. */
  input: I
  data: T | null
  error: string | null
  errorCode: string | null
}

export interface OpView<T, I> {
  /** The answer to the question now asked; null until it arrives, and when it was refused. */
  data: T | null
  /**
   * While the question now asked is read: the answer to the one before, with its input, for a screen
   * that keeps it in view dimmed and labelled as not current. Null otherwise.
   */
  previous: { data: T; input: I } | null
  error: string | null
  /** The core's error code (`not_found`, `invalid_input`, …) when the call failed with one. */
  errorCode: string | null
  /** From a change of input, a change of the ledger or a reload until the answer or refusal arrives. */
  loading: boolean
}

/**
 * The question a hook asks: the operation, its input (compared by value, as screens build it inline)
 * and the version of what it reads (the session's `dataVersion` and the hook's own reloads). Null
 * when there is no input yet, and nothing is asked.
 */
export function questionOf(name: string, input: unknown, version: string): string | null {
  return input === null ? null : `${name} @${version} ${JSON.stringify(input)}`
}

export function viewOf<T, I>(settled: Settled<T, I> | null, question: string | null): OpView<T, I> {
  if (settled && settled.question === question)
    return {
      data: settled.data,
      previous: null,
      error: settled.error,
      errorCode: settled.errorCode,
      loading: false,
    }
  return {
    data: null,
    // Not after a refusal: the answer before that is older still, and the refusal is not shown now.
    previous:
      question !== null && settled && settled.data !== null
        ? { data: settled.data, input: settled.input }
        : null,
    error: null,
    errorCode: null,
    loading: question !== null,
  }
}
