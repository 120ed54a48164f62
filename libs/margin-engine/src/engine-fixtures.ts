// Test support for the engine specs (not exported): a one-shard ledger producing real journal events, and
// marks as the oracle publishes them (risk arrays from libs/risk on the default grid).
import { InstrumentMarkV1, MarkV1 } from '@clearing/contracts';
import { InstrumentTerms, JournalEvent, parseAmount, scaledDecimal, ShardLedger } from '@clearing/ledger';
import { defaultMarginConfig, riskArray } from '@clearing/risk';
import { MarginEngine, MarginEngineSettings } from './margin-engine';

const SCALES: Record<string, number> = { USDC: 6, BTC: 8, ETH: 18, stETH: 18 };
export const scaleOf = (asset: string): number => {
  const scale = SCALES[asset];
  if (scale === undefined) throw new Error(`unknown asset ${asset}`);
  return scale;
};

export const BTC_PERP: InstrumentTerms = {
  instrument: 'BTC-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  settlementScale: 6,
  positionScale: 4,
  contractSize: scaledDecimal('1'),
};

export const SETTINGS: MarginEngineSettings = {
  config: defaultMarginConfig(),
  threshold: { relative: 0.01, absoluteUsd: 1 },
  ewma: { lambda: 0.94, periodMs: 60_000, seedVariance: 0.0004 },
  parAssets: ['USDC'],
  standardAccounts: new Set(),
  scaleOf,
};

export function engine(settings: Partial<MarginEngineSettings> = {}): MarginEngine {
  return new MarginEngine({ ...SETTINGS, ...settings });
}

/** A ledger shard that books deposits and perp trades against the CCP, as the aggregator's writer does. */
export class TestLedger {
  private readonly shard = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
  private fills = 0;

  deposit(account: string, units: string, at = '2026-11-25T10:00:00Z', asset = 'USDC'): JournalEvent[] {
    const amount = parseAmount(units, scaleOf(asset));
    const command = {
      type: 'Deposit' as const,
      commandId: `dep-${account}-${units}-${asset}`,
      account,
      asset,
      amount,
      occurredAt: at,
    };
    return this.shard.handle(command).events;
  }

  /** `account` buys (positive) or sells `btc` BTC-PERP at `priceUsd` against the CCP. */
  trade(account: string, btc: string, priceUsd: string, at = '2026-11-25T10:01:00Z'): JournalEvent[] {
    const fillId = `fill-${++this.fills}`;
    const sell = btc.startsWith('-');
    const leg = {
      type: 'FillLeg' as const,
      commandId: `${fillId}:${sell ? 'sell' : 'buy'}`,
      account,
      fillId,
      side: sell ? ('sell' as const) : ('buy' as const),
      counterpartyAccount: 'someone-else',
      terms: BTC_PERP,
      price: parseAmount(priceUsd, 6),
      quantity: parseAmount(sell ? btc.slice(1) : btc, 4),
      fee: 0n,
      feeAsset: 'USDC',
      venue: 'venue-1',
      venueSequence: this.fills,
      fillHash: `hash-${fillId}`,
      occurredAt: at,
    };
    return this.shard.handle(leg).events.filter((event) => !event.account.startsWith('CCP-'));
  }
}

/** The oracle's mark of BTC-PERP at an index price (no premium), with its risk array on the default grid. */
export function btcPerpMark(
  indexUsd: number,
  asOf: string,
  status: 'valid' | 'invalid' = 'valid',
): InstrumentMarkV1 {
  const grid = SETTINGS.config.underlyings.BTC.grid;
  return {
    schemaVersion: 1,
    kind: 'instrument',
    status,
    ...(status === 'invalid' ? { reason: 'no-fresh-source' as const } : {}),
    asOf,
    instrument: 'BTC-PERP',
    instrumentKind: 'perpetual',
    underlying: 'BTC',
    indexPrice: String(indexUsd),
    markPrice: String(indexUsd),
    confidence: {
      sourcesUsed: 3,
      sourcesKnown: 3,
      sourcesStale: 0,
      sourcesOutlying: 0,
      dispersion: '0.0001',
      stalenessMs: 0,
    },
    risk: { gridId: 'default', pnl: riskArray({ kind: 'linear', price: indexUsd, contractSize: 1 }, grid) },
  };
}

export function btcIndex(priceUsd: number, asOf: string): MarkV1 {
  return indexMark('BTC', priceUsd, asOf);
}

/** A liquid staking token's redemption rate in its staked asset, as the staking oracle feeds it. */
export function redemptionRate(token: string, base: string, rate: string, asOf: string): MarkV1 {
  return {
    schemaVersion: 1,
    kind: 'redemption-rate',
    status: 'valid',
    asOf,
    token,
    base,
    rate,
    confidence: CONFIDENCE,
  };
}

const CONFIDENCE = {
  sourcesUsed: 3,
  sourcesKnown: 3,
  sourcesStale: 0,
  sourcesOutlying: 0,
  dispersion: '0',
  stalenessMs: 0,
};

export function indexMark(underlying: string, priceUsd: number, asOf: string): MarkV1 {
  return {
    schemaVersion: 1,
    kind: 'index',
    status: 'valid',
    asOf,
    underlying,
    price: String(priceUsd),
    confidence: CONFIDENCE,
  };
}
