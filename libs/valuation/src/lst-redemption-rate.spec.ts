import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RedemptionObservation } from './observation';
import { at, btcConfig, feed } from './spec-support';

const rate = (source: string, value: number, seconds: number): RedemptionObservation => ({
  kind: 'redemption-rate',
  source,
  token: 'stETH',
  base: 'ETH',
  rate: value,
  eventTimeMs: at(seconds),
  receivedAtMs: at(seconds),
});

// stETH redeems into ETH at about 0.9998; the same robust median as an index, with a tighter 0.5% band.
describe('stETH redemption rate', () => {
  it('given two sources, then the rate is their median and names its base', () => {
    const { state } = feed(btcConfig(), [rate('lido', 0.9998, 0), rate('curve', 0.9996, 1)]);
    const feedState = state.redemptions.get('stETH')!;
    assert.equal(feedState.base, 'ETH');
    assert.deepEqual([feedState.reading!.status, feedState.reading!.value], ['valid', 0.9997]);
  });

  it('given a de-peg beyond 2% seen by one source only, then it is not taken until a second confirms', () => {
    const oneSource = feed(btcConfig(), [rate('lido', 0.9998, 0), rate('lido', 0.95, 10)]).state;
    assert.equal(oneSource.redemptions.get('stETH')!.reading!.reason, 'unconfirmed-jump');
    const confirmed = feed(btcConfig(), [rate('curve', 0.951, 11)], oneSource).state;
    assert.equal(confirmed.redemptions.get('stETH')!.reading!.status, 'valid');
  });
});
