/**
 * Thrown by a handler when a ledger invariant is broken inside the partition it is processing (an
 * unbalanced event, a sequence gap). The loop never skips past it: it pauses that partition, flags it
 * in metrics and readiness, and leaves the offset uncommitted so a fixed build resumes right there.
 */
export class PartitionHaltError extends Error {
  override readonly name = 'PartitionHaltError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Domain libs cannot import this class, so their invariant errors are recognised by name. */
const HALTING_ERROR_NAMES = new Set(['PartitionHaltError', 'SequenceGapError', 'LedgerInvariantError']);

export function isPartitionHalt(error: unknown): error is Error {
  return error instanceof Error && HALTING_ERROR_NAMES.has(error.name);
}
