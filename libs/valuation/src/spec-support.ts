// Helpers shared by this library's specs only (not exported from index.ts).
import { InstrumentDefinition } from '@clearing/contracts';
import { IndexObservation, Observation, VolObservation } from './observation';
import { createOracleConfig, OracleConfig, UnderlyingOverrides } from './oracle-config';
import { EMPTY_ORACLE_STATE, OracleState } from './oracle-state';
import { evolve, Evolved } from './evolve';

/** 2026-03-14T09:00:00Z: every scenario starts here; times in specs are seconds after it. */
export const T0 = Date.parse('2026-03-14T09:00:00Z');
export const at = (seconds: number) => T0 + seconds * 1000;

export const BTC_PERP: InstrumentDefinition = {
  symbol: 'BTC-PERP',
  kind: 'perpetual',
  underlying: 'BTC',
  contractSize: '1',
  settlementAsset: 'USDC',
  lotSize: '0.0001',
  tickSize: '0.5',
};

export function btcConfig(
  overrides: UnderlyingOverrides = {},
  extra: InstrumentDefinition[] = [],
): OracleConfig {
  return createOracleConfig([BTC_PERP, ...extra], { underlyings: { BTC: overrides } });
}

export const quote = (
  source: string,
  price: number,
  seconds: number,
  underlying = 'BTC',
): IndexObservation => ({
  kind: 'index-quote',
  source,
  underlying,
  price,
  eventTimeMs: at(seconds),
  receivedAtMs: at(seconds),
});

export const volPoint = (
  expiry: string,
  location: { strike: number } | { delta: number },
  iv: number,
  seconds: number,
): VolObservation => ({
  kind: 'implied-vol',
  source: 'deribit',
  underlying: 'BTC',
  expiryMs: Date.parse(expiry),
  ...location,
  iv,
  eventTimeMs: at(seconds),
  receivedAtMs: at(seconds),
});

/** Folds `observations` from `from`, returning the last step (its rejection and settlements) too. */
export function feed(
  config: OracleConfig,
  observations: Observation[],
  from: OracleState = EMPTY_ORACLE_STATE,
): Evolved & { rejections: string[] } {
  let step: Evolved = { state: from, settled: [] };
  const rejections: string[] = [];
  for (const obs of observations) {
    step = evolve(step.state, obs, config);
    if (step.rejection) rejections.push(step.rejection.code);
  }
  return { ...step, rejections };
}

export const btcIndex = (state: OracleState) => state.indexes.get('BTC')!.reading!;
