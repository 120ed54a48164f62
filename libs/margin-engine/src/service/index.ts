// The margin calculator's Nest glue, shared with the deleveraging engine (which margins exactly as it does):
// a subpath of its own so that @clearing/margin-engine itself stays framework-free.
export * from './margin.settings';
export { OwnedAccounts } from './owned-accounts';
export { connectOwnedJournalLoop } from './owned-journal-loop';
export type { OwnedJournalLoop } from './owned-journal-loop';
