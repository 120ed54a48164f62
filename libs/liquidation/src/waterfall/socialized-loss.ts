// The factor is applied by the ledger's single writer to withdrawals (libs/ledger socialized-loss.ts);
// the waterfall re-exports it so its sizing and the ledger's payout can never disagree.
export { socializedLossFactorPpm, withdrawablePart } from '@clearing/ledger';
