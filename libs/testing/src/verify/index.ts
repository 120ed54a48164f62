// `clearing verify` and `clearing replay` (the CLI's commands) and the e2e specs of every service check the
// system with the same code: here, so that no app imports another's source.
export { verifyClearing } from './verify-clearing';
export type { VerifyOptions, VerifyReport } from './verify-clearing';
export { verifyWhenCaughtUp } from './verify-when-caught-up';
export { replayJournal } from './replay-journal';
export type { ReplayOptions, ReplayResult } from './replay-journal';
export { journalRecords, sampleJournal } from './sample-journal';
