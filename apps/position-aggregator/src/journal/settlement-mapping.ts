import { SettlementV1, TOPICS } from '@clearing/contracts';
import { ClosedCycle, divRound, formatAmount } from '@clearing/ledger';
import { OutboundMessage } from '@clearing/kafka';

const EFFICIENCY_SCALE = 6;

/** A closed netting cycle as settlements.v1 records: one obligation per account and asset, one summary. */
export function settlementMessages(
  cycle: ClosedCycle,
  scaleOf: (asset: string) => number,
  partition: number,
): OutboundMessage[] {
  const cycleId = `${cycle.shard}-${cycle.cycleSeq}`;
  const common = { schemaVersion: 1 as const, cycleId, partition: cycle.shard, cycleSeq: cycle.cycleSeq };
  // One literal per obligation, no spread of `common`: a cycle of 1,000 events has about as many (issue 15).
  const obligations: SettlementV1[] = cycle.obligations.map((o) => {
    const scale = scaleOf(o.asset);
    const components: Record<string, string> = {};
    for (const [kind, amount] of o.components) components[kind] = formatAmount(amount, scale);
    return {
      schemaVersion: 1,
      cycleId,
      partition: cycle.shard,
      cycleSeq: cycle.cycleSeq,
      kind: 'obligation',
      account: o.account,
      asset: o.asset,
      net: formatAmount(o.net, scale),
      gross: formatAmount(o.gross, scale),
      components,
      closedAt: cycle.closedAt,
    };
  });
  const summary: SettlementV1 = {
    ...common,
    kind: 'cycle-summary',
    openedAt: cycle.openedAt,
    closedAt: cycle.closedAt,
    eventCount: cycle.eventCount,
    obligationCount: cycle.obligations.length,
    byAsset: [...cycle.byAsset].map(([asset, totals]) => ({
      asset,
      gross: formatAmount(totals.gross, scaleOf(asset)),
      net: formatAmount(totals.net, scaleOf(asset)),
      nettingEfficiency: efficiency(totals.gross, totals.net),
    })),
  };
  const toMessage = (value: SettlementV1, key: string): OutboundMessage => ({
    topic: TOPICS.settlements,
    key,
    partition,
    value: JSON.stringify(value),
  });
  return [
    ...obligations.map((o) => toMessage(o, (o as { account: string }).account)),
    toMessage(summary, `cycle-${cycle.shard}`),
  ];
}

/** 1 - net / gross to 6 places, rounded down (never overstate what netting saved). */
export function efficiency(gross: bigint, net: bigint): string {
  if (gross === 0n) return '0';
  const saved = divRound((gross - net) * 10n ** BigInt(EFFICIENCY_SCALE), gross, 'floor');
  return formatAmount(saved, EFFICIENCY_SCALE);
}
