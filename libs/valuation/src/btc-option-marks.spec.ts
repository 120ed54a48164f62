import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { black76 } from '@clearing/pricing';
import { buildScenarioGrid, riskArray } from '@clearing/risk';
import { InstrumentDefinition } from '@clearing/contracts';
import { InstrumentMark, markUnderlying } from './marks';
import { at, btcConfig, feed, quote, volPoint } from './spec-support';
import { YEAR_MS } from './fair-price';

// BTC at 65,000 with 5% carry; a one-month smile quoted by strike and by delta; a 70,000 call and a 60,000 put.
const EXPIRY = '2026-04-14T08:00:00Z';
const option = (strike: number, optionType: 'call' | 'put'): InstrumentDefinition => ({
  symbol: `BTC-14APR26-${strike}-${optionType === 'call' ? 'C' : 'P'}`,
  kind: 'option',
  underlying: 'BTC',
  expiry: EXPIRY,
  strike: String(strike),
  optionType,
  contractSize: '1',
  settlementAsset: 'USDC',
  lotSize: '0.1',
  tickSize: '5',
});
const config = btcConfig({ carryRatePerYear: 0.05, discountRatePerYear: 0.04 }, [
  option(70_000, 'call'),
  option(60_000, 'put'),
]);
const index = [quote('coinbase', 65_000, 0), quote('binance', 65_000, 0)];
const smile = [
  volPoint(EXPIRY, { strike: 60_000 }, 0.62, 0),
  volPoint(EXPIRY, { strike: 65_000 }, 0.55, 0),
  volPoint(EXPIRY, { strike: 70_000 }, 0.58, 0),
];
const marksOf = (observations = [...index, ...smile]) => {
  const { state } = feed(config, observations);
  return new Map(
    markUnderlying(state, config, 'BTC').map((m): [string, InstrumentMark] => [m.instrument, m]),
  );
};

describe('BTC one-month option marks from the vol surface', () => {
  const marks = marksOf();
  const call = marks.get('BTC-14APR26-70000-C')!;
  const years = (Date.parse(EXPIRY) - at(0)) / YEAR_MS;
  const forward = 65_000 * Math.exp(0.05 * years);

  it('given the smile, then the call is Black-76 on the carried forward at the interpolated vol', () => {
    assert.ok(Math.abs(call.option!.vol - 0.58) < 1e-12, 'the 70,000 strike is a quoted point');
    const expected = black76({
      type: 'call',
      forward,
      strike: 70_000,
      years,
      rate: 0.04,
      vol: call.option!.vol,
    });
    assert.equal(call.markPrice, expected.price);
    assert.deepEqual(call.option!.greeks, expected);
    assert.equal(call.option!.forward, forward);
  });

  it('given the mark, then its risk array is the grid revaluation of that same option', () => {
    const grid = buildScenarioGrid();
    const expected = riskArray(
      {
        kind: 'option',
        type: 'call',
        forward,
        strike: 70_000,
        years,
        rate: 0.04,
        vol: call.option!.vol,
        contractSize: 1,
      },
      grid,
    );
    assert.deepEqual(call.riskArray, expected);
    assert.equal(call.gridId, grid.id);
  });

  it('given no fresh vol points (older than 10 minutes), then the options are invalid with no price', () => {
    const stale = marksOf([
      ...index,
      ...smile,
      quote('coinbase', 65_000, 700),
      quote('binance', 65_000, 700),
    ]);
    const put = stale.get('BTC-14APR26-60000-P')!;
    assert.deepEqual([put.status, put.reason, put.markPrice], ['invalid', 'no-vol-surface', undefined]);
    assert.equal(stale.get('BTC-PERP')!.status, 'valid');
  });

  it('given a 25-delta call point, then it sits at the strike whose Black-76 delta is 0.25 at its vol', () => {
    const withDelta = marksOf([...index, volPoint(EXPIRY, { delta: 0.25 }, 0.6, 0)]);
    assert.equal(withDelta.get('BTC-14APR26-70000-C')!.option!.vol, 0.6, 'one point: a flat smile');
    const put = marksOf([
      ...index,
      volPoint(EXPIRY, { delta: -0.25 }, 0.7, 0),
      volPoint(EXPIRY, { delta: 0.25 }, 0.6, 0),
    ]);
    // The 25-delta put is the 75-delta call: below the forward, where the 60,000 put's vol comes from.
    assert.ok(put.get('BTC-14APR26-60000-P')!.option!.vol > 0.65);
  });
});
