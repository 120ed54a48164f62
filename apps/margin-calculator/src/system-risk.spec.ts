import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountMarginV1, GreeksV1, MarginV1 } from '@clearing/contracts';
import { engine, TestLedger } from '../../../libs/margin-engine/src/engine-fixtures';
import { openInterestOf, systemRiskOf } from './system-risk';

const NO_GREEKS: GreeksV1 = { deltaUsd: 0, gammaUsdPerPercent: 0, vegaUsdPerVolPoint: 0 } as GreeksV1;

function figures(
  account: string,
  band: AccountMarginV1['health']['band'],
  usd: Record<string, string>,
  greeks: GreeksV1[] = [],
): MarginV1 {
  return {
    schemaVersion: 1,
    kind: 'account-margin',
    account,
    journalSequence: 1,
    marksAsOf: '2026-12-01T00:00:00Z',
    computedAt: '2026-12-01T00:00:00Z',
    cause: 'journal',
    method: 'portfolio',
    nlvUsd: usd.nlv,
    marginNlvUsd: usd.nlv,
    initialNlvUsd: usd.nlv,
    required: { imUsd: usd.im, mmUsd: usd.mm },
    portfolio: { imUsd: usd.im, mmUsd: usd.mm },
    standard: { imUsd: usd.standardIm, mmUsd: usd.mm },
    nettingSavingUsd: '0',
    freeCollateralUsd: '0',
    health: { ratio: 2, band },
    greeks: { byUnderlying: greeks, total: NO_GREEKS },
  };
}

describe('system risk gauges of the margin calculator', () => {
  it('given three priced accounts and one unpriced, then bands are counted and USD figures summed to the exact cent', () => {
    const btc = (deltaUsd: number): GreeksV1 => ({ ...NO_GREEKS, underlying: 'BTC', deltaUsd });
    const risk = systemRiskOf([
      figures('alice', 'healthy', { nlv: '0.1', im: '10.01', mm: '5', standardIm: '20' }, [btc(1000)]),
      figures('bob', 'healthy', { nlv: '0.2', im: '0.02', mm: '0.01', standardIm: '0.05' }, [btc(-400)]),
      figures('carol', 'liquidatable', { nlv: '-12.34', im: '100', mm: '50', standardIm: '100' }),
      {
        ...figures('dave', 'healthy', { nlv: '0', im: '0', mm: '0', standardIm: '0' }),
        kind: 'account-unpriced',
        reason: 'no mark',
        missing: ['ETH-PERP'],
      } as MarginV1,
    ]);
    assert.deepEqual(Object.fromEntries(risk.accountsByBand), {
      healthy: 2,
      watch: 0,
      warning: 0,
      liquidatable: 1,
      bankrupt: 0,
      unpriced: 1,
    });
    // Floats would give 0.30000000000000004 - 12.34; the sum is taken in cents.
    assert.equal(risk.nlvUsd, -12.04);
    assert.deepEqual(
      [risk.imUsd, risk.mmUsd, risk.portfolioImUsd, risk.standardImUsd],
      [110.03, 55.01, 110.03, 120.05],
    );
    assert.deepEqual(Object.fromEntries(risk.greeksUsd), { BTC: { delta: 600, gamma: 0, vega: 0 } });
  });

  it('given alice long 1.5 BTC-PERP and bob short 1.5, then open interest is 1.5 contracts (longs only)', () => {
    const ledger = new TestLedger();
    const margin = engine();
    margin.applyJournal([
      ...ledger.deposit('alice', '100000'),
      ...ledger.deposit('bob', '100000'),
      ...ledger.trade('alice', '1.5', '50000'),
      ...ledger.trade('bob', '-1.5', '50000'),
    ]);
    assert.deepEqual(Object.fromEntries(openInterestOf(margin.accounts)), { 'BTC-PERP': 1.5 });
  });
});
