// Test support for the book specs (not exported): instruments, accounts on two shards, fill legs.
import { parseAmount } from '../amount';
import { FillLeg } from './commands';
import { ShardLedger } from './shard-ledger';
import { InstrumentTerms, scaledDecimal } from './terms';

export const USDC_SCALE = 6;
export const scaleOf = (asset: string): number => ({ USDC: 6, BTC: 8, ETH: 18 })[asset] ?? 0;
export const usdc = (decimal: string): bigint => parseAmount(decimal, USDC_SCALE);

export const BTC_PERP: InstrumentTerms = {
  instrument: 'BTC-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  settlementScale: USDC_SCALE,
  positionScale: 4,
  contractSize: scaledDecimal('1'),
};

export const BTC_CALL_60K: InstrumentTerms = {
  instrument: 'BTC-27DEC26-60000-C',
  kind: 'option',
  settlementAsset: 'USDC',
  settlementScale: USDC_SCALE,
  positionScale: 1,
  contractSize: scaledDecimal('0.1'),
  expiry: '2026-12-27T08:00:00Z',
  strike: usdc('60000'),
  optionType: 'call',
};

export const BTC_FUTURE_MAR: InstrumentTerms = {
  instrument: 'BTC-26MAR27',
  kind: 'future',
  settlementAsset: 'USDC',
  settlementScale: USDC_SCALE,
  positionScale: 4,
  contractSize: scaledDecimal('1'),
  expiry: '2027-03-26T08:00:00Z',
};

/** Alice and Carol clear through shard 0, Bob through shard 1: legs of one fill land on different shards. */
export const SHARD_OF: Record<string, number> = { alice: 0, carol: 0, bob: 1 };

export function shards(): ShardLedger[] {
  return [0, 1].map((shard) => new ShardLedger(shard, { maxEvents: 1_000 }, scaleOf));
}

export interface FillSpec {
  fillId: string;
  buyer: string;
  seller: string;
  terms: InstrumentTerms;
  price: string;
  quantity: string;
  fee?: string;
  at?: string;
}

/** The two legs the fill intake makes of one fill: buyer vs CCP and seller vs CCP. */
export function legsOf(fill: FillSpec): FillLeg[] {
  const common = {
    type: 'FillLeg' as const,
    fillId: fill.fillId,
    occurredAt: fill.at ?? '2026-11-24T10:00:00Z',
    terms: fill.terms,
    price: parseAmount(fill.price, fill.terms.settlementScale),
    quantity: parseAmount(fill.quantity, fill.terms.positionScale),
    fee: usdc(fill.fee ?? '0'),
    feeAsset: 'USDC',
    venue: 'venue-1',
    venueSequence: 1,
    fillHash: `hash-${fill.fillId}`,
  };
  return [
    {
      ...common,
      commandId: `${fill.fillId}:buy`,
      account: fill.buyer,
      side: 'buy',
      counterpartyAccount: fill.seller,
    },
    {
      ...common,
      commandId: `${fill.fillId}:sell`,
      account: fill.seller,
      side: 'sell',
      counterpartyAccount: fill.buyer,
    },
  ];
}

/** Books a fill on the shards its two accounts belong to; returns the journal events. */
export function clear(ledgers: ShardLedger[], fill: FillSpec) {
  return legsOf(fill).flatMap((leg) => ledgers[SHARD_OF[leg.account]].handle(leg).events);
}
