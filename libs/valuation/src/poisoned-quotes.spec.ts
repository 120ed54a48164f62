import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RedemptionObservation } from './observation';
import { at, btcConfig, btcIndex, feed, quote } from './spec-support';

// Issue 11, findings 3 and 4, as a price feed operator saw them: one BTC quote dated 2099 made the index
// invalid and later quotes from three sources were ignored; a quote dated 9999 for an unknown underlying
// moved every mark's asOf there; an LST rate of 64 nines crash-looped the oracle.
describe('quotes no honest source sends', () => {
  const config = btcConfig();
  const threeSources = (seconds: number, price: number) =>
    ['coinbase', 'binance', 'kraken'].map((source) => quote(source, price, seconds));
  const receivedNow = <T extends { receivedAtMs: number }>(obs: T, seconds: number): T => ({
    ...obs,
    receivedAtMs: at(seconds),
  });

  it('given a quote dated 2099 arriving now, then it is refused as future and the clock stays', () => {
    const from2099 = receivedNow(
      { ...quote('bad-feed', 65_000, 0), eventTimeMs: Date.parse('2099-01-01') },
      1,
    );
    const { state, rejections } = feed(config, [...threeSources(0, 65_000), from2099]);
    assert.deepEqual(rejections, ['future']);
    assert.equal(state.clockMs, at(0));
  });

  it('given one source in the future, then the index three fresh sources support stays valid', () => {
    const from2099 = receivedNow(
      { ...quote('coinbase', 90_000, 0), eventTimeMs: Date.parse('2099-01-01') },
      1,
    );
    const { state } = feed(config, [...threeSources(0, 65_000), from2099, ...threeSources(10, 65_100)]);
    assert.deepEqual([btcIndex(state).status, btcIndex(state).value], ['valid', 65_100]);
  });

  it('given a quote within the clock-skew tolerance ahead of its arrival, then it is taken', () => {
    const early = receivedNow(quote('coinbase', 65_000, 20), 0);
    assert.deepEqual(feed(config, [early]).rejections, []);
  });

  it('given a quote for an underlying nothing is configured on, then it is refused and moves no clock', () => {
    const { state, rejections } = feed(config, [
      ...threeSources(0, 65_000),
      quote('coinbase', 1, 5, 'DOGE9'),
    ]);
    assert.deepEqual(rejections, ['unknown-underlying']);
    assert.equal(state.clockMs, at(0));
    assert.equal(state.indexes.has('DOGE9'), false);
  });

  it('given values no mark can be published from (64 nines, 10^-12), then they are refused as out of range', () => {
    const rate = (value: number): RedemptionObservation => ({
      kind: 'redemption-rate',
      source: 'lido',
      token: 'stETH',
      base: 'ETH',
      rate: value,
      eventTimeMs: at(0),
      receivedAtMs: at(0),
    });
    const { rejections } = feed(config, [rate(Number('9'.repeat(64))), rate(1e-12), quote('x', 1e-9, 0)]);
    assert.deepEqual(rejections, ['out-of-range', 'out-of-range', 'out-of-range']);
  });
});
