import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InstrumentDefinition } from '@clearing/contracts';
import { markUnderlying } from './marks';
import { at, btcConfig, feed, quote } from './spec-support';

// A BTC future expiring 30 minutes after T0, settled on the 30-minute TWAP of the index before expiry.
const EXPIRY = new Date(at(1800)).toISOString();
const FUTURE: InstrumentDefinition = {
  symbol: 'BTC-14MAR26',
  kind: 'future',
  underlying: 'BTC',
  expiry: EXPIRY,
  contractSize: '1',
  settlementAsset: 'USDC',
  lotSize: '0.0001',
  tickSize: '0.5',
};
const config = btcConfig({ index: { minSources: 1, maxAgeMs: 3_600_000 } }, [FUTURE]);

describe('BTC-14MAR26 expiry settlement on the 30-minute TWAP', () => {
  it('given 60,000 for the first 10 minutes and 63,000 for the last 20, then it settles at 62,000', () => {
    const { settled } = feed(config, [
      quote('coinbase', 60_000, 0),
      quote('coinbase', 63_000, 600),
      quote('coinbase', 63_500, 1800),
    ]);
    assert.equal(settled.length, 1);
    assert.deepEqual(settled[0], {
      underlying: 'BTC',
      expiryMs: at(1800),
      coverage: 1,
      windowMs: 1_800_000,
      status: 'valid',
      price: 62_000,
    });
  });

  it('given the index only from minute 20, then the TWAP covers a third of the window and says so', () => {
    const { settled } = feed(config, [quote('coinbase', 60_000, 1200), quote('coinbase', 61_000, 1900)]);
    assert.equal(settled[0].price, 60_000);
    assert.ok(Math.abs(settled[0].coverage - 1 / 3) < 1e-12);
  });

  it('given settlement published, then later inputs settle nothing again and the future is no longer marked', () => {
    const first = feed(config, [quote('coinbase', 60_000, 0), quote('coinbase', 60_000, 1801)]);
    const later = feed(config, [quote('coinbase', 60_500, 1900)], first.state);
    assert.equal(first.settled.length, 1);
    assert.deepEqual(later.settled, []);
    assert.ok(later.state.settlements.has(`BTC@${at(1800)}`));
    assert.deepEqual(
      markUnderlying(later.state, config, 'BTC').map((mark) => mark.instrument),
      ['BTC-PERP'],
    );
  });

  it('given no valid index in the window, then the settlement is invalid: a person decides', () => {
    const { settled } = feed(btcConfig({}, [FUTURE]), [
      quote('coinbase', 60_000, 0),
      quote('coinbase', 60_000, 1900),
    ]);
    assert.deepEqual([settled[0].status, settled[0].price, settled[0].coverage], ['invalid', undefined, 0]);
  });
});
