// The journal's wire shape is defined once, next to its codec in @clearing/ledger; this contract reuses it
// (type-only, no runtime dependency) and journal-wire.spec.ts checks the codec's output against the schema.
import type { JournalEventWire, PostingWire } from '@clearing/ledger';

export type LedgerJournalV1 = JournalEventWire;
export type LedgerPostingV1 = PostingWire;
