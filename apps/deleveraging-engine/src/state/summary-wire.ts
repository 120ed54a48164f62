import { RiskSummaryV1 } from '@clearing/contracts';
import { formatAmount, parseAmount } from '@clearing/ledger';
import { PartitionSummary } from '@clearing/liquidation';

/** A partition's summary as risk.summaries.v1 carries it (amounts as decimal strings at their scale). */
export function summaryToWire(
  summary: PartitionSummary,
  partitionCount: number,
  publisher: string,
  scaleOf: (asset: string) => number,
): RiskSummaryV1 {
  return {
    schemaVersion: 1,
    partition: summary.partition,
    partitionCount,
    journalEvents: summary.journalEvents,
    asOf: new Date(summary.asOfMs).toISOString(),
    publisher,
    adl: summary.candidates.map((c) => ({ ...c, quantity: formatAmount(c.quantity, c.positionScale) })),
    largestStressLosses: summary.largest.map((a) => ({ ...a })),
    insuranceFunds: summary.funds.map((f) => ({ ...f, balance: formatAmount(f.balance, scaleOf(f.asset)) })),
  };
}

export function summaryFromWire(wire: RiskSummaryV1, scaleOf: (asset: string) => number): PartitionSummary {
  return {
    partition: wire.partition,
    journalEvents: wire.journalEvents,
    asOfMs: Date.parse(wire.asOf),
    candidates: wire.adl.map((c) => ({ ...c, quantity: parseAmount(c.quantity, c.positionScale) })),
    largest: wire.largestStressLosses.map((a) => ({ ...a })),
    funds: wire.insuranceFunds.map((f) => ({ ...f, balance: parseAmount(f.balance, scaleOf(f.asset)) })),
  };
}
