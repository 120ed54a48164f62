// Apply-at-most-once per account: each account's events carry 1, 2, 3, ... and are applied in order.

/**
 * `apply`: the next expected sequence; `duplicate`: already applied (a redelivery, skip it);
 * `gap`: a sequence was skipped, an invariant breach (events lost or reordered), never to be applied.
 */
export type SequenceVerdict = 'apply' | 'duplicate' | 'gap';

/** `lastApplied` is undefined (or 0) for an account that has seen no event; the first sequence is 1. */
export function classifySequence(lastApplied: number | undefined, incoming: number): SequenceVerdict {
  if (!Number.isSafeInteger(incoming) || incoming < 1) {
    throw new RangeError(`sequence must be a safe integer >= 1, got ${incoming}`);
  }
  const last = lastApplied ?? 0;
  if (incoming <= last) {
    return 'duplicate';
  }
  return incoming === last + 1 ? 'apply' : 'gap';
}

/** The sequence the single writer assigns to the account's next event. */
export function nextSequence(lastApplied: number | undefined): number {
  return (lastApplied ?? 0) + 1;
}
