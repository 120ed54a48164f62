import { RiskSummaryV1 } from '@clearing/contracts';
import { decodeContract, Decoder, partitionOfKey } from '@clearing/kafka';
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

/**
 * risk.summaries.v1 as a deleveraging instance admits it: the schema, then the domain limits (another
 * system's partition count, a partition out of range, an account that does not hash to the summary's
 * partition, an amount finer than its scale). A summary that fails is skipped with its reason, never
 * folded: it would rank accounts for ADL or move Cover 2.
 */
export function summaryDecoder(
  partitionCount: number,
  scaleOf: (asset: string) => number,
): Decoder<PartitionSummary> {
  return (topic, value) => {
    const decoded = decodeContract(topic, value);
    if (!decoded.ok) return decoded;
    const wire = decoded.value as RiskSummaryV1;
    const problem = summaryProblem(wire, partitionCount);
    if (problem) return { ok: false, reason: problem, code: 'summary-out-of-range' };
    try {
      return { ok: true, value: summaryFromWire(wire, scaleOf) };
    } catch (error) {
      return { ok: false, reason: (error as Error).message, code: 'summary-amount' };
    }
  };
}

function summaryProblem(wire: RiskSummaryV1, partitionCount: number): string | undefined {
  if (wire.partitionCount !== partitionCount)
    return `summary of a ${wire.partitionCount}-partition journal, this one has ${partitionCount}`;
  if (wire.partition >= partitionCount) return `partition ${wire.partition} out of range`;
  const accounts = [...wire.adl, ...wire.largestStressLosses].map((a) => a.account);
  const stranger = accounts.find((account) => partitionOfKey(account, partitionCount) !== wire.partition);
  return stranger && `${stranger} is not an account of partition ${wire.partition}`;
}
