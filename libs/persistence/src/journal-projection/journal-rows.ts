import {
  costScale,
  divRound,
  formatAmount,
  JournalCodec,
  JournalEvent,
  JsonObject,
  parseAmount,
  termsFromPayload,
} from '@clearing/ledger';

/** One journal event with where it sits in the journal topic. */
export interface LocatedEvent {
  event: JournalEvent;
  partition: number;
  offset: string;
}

export interface BalanceDelta {
  account: string;
  asset: string;
  amount: string;
  lastSequence: number;
}

export interface PositionRow {
  account: string;
  instrument: string;
  quantity: string;
  cost: string;
  averageEntryPrice: string | null;
  realizedPnl: string;
  settlementAsset: string;
  lastSequence: number;
}

/** Sums a batch's postings per (account, asset): one upsert per pair instead of one per posting. */
export function balanceDeltas(events: readonly LocatedEvent[], codec: JournalCodec): BalanceDelta[] {
  const sums = new Map<string, { account: string; asset: string; amount: bigint; lastSequence: number }>();
  for (const { event } of events) {
    for (const posting of event.postings) {
      const key = `${posting.account}\u0000${posting.asset}`;
      const entry = sums.get(key) ?? {
        account: posting.account,
        asset: posting.asset,
        amount: 0n,
        lastSequence: 0,
      };
      entry.amount += posting.amount;
      if (posting.account === event.account) entry.lastSequence = event.sequence ?? 0;
      sums.set(key, entry);
    }
  }
  return [...sums.values()].map((s) => ({ ...s, amount: formatAmount(s.amount, codec.scaleOf(s.asset)) }));
}

/** The last position state per (account, instrument) in the batch, as the events journaled it. */
export function latestPositions(events: readonly LocatedEvent[]): PositionRow[] {
  const rows = new Map<string, PositionRow>();
  for (const { event } of events) {
    const position = event.payload.position as JsonObject | undefined;
    if (!position) continue;
    const terms = termsFromPayload(position.terms as JsonObject);
    rows.set(`${event.account}\u0000${terms.instrument}`, {
      account: event.account,
      instrument: terms.instrument,
      quantity: position.quantity as string,
      cost: position.cost as string,
      averageEntryPrice: averageEntryPrice(position, terms),
      realizedPnl: position.realizedPnl as string,
      settlementAsset: terms.settlementAsset,
      lastSequence: event.sequence ?? 0,
    });
  }
  return [...rows.values()];
}

/** cost / (quantity x contract size), in settlement units; display only, so half-even rounding. */
function averageEntryPrice(position: JsonObject, terms: ReturnType<typeof termsFromPayload>): string | null {
  const scaleOfCost = costScale(terms);
  const quantity = parseAmount(position.quantity as string, terms.positionScale);
  if (quantity === 0n) return null;
  const cost = parseAmount(position.cost as string, scaleOfCost);
  const price = divRound(cost, quantity * terms.contractSize.minor, 'half-even');
  return formatAmount(price, terms.settlementScale);
}
