import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unpricedMessage } from './margin-wire';
import { worthPublishing } from './publish-policy';

const THRESHOLD = { relative: 0.01, absoluteUsd: 1 };
const stamp = {
  account: 'whale',
  journalSequence: 3,
  marksAsOf: '2026-12-06T07:41:31.238Z',
  computedAt: '2026-12-06T07:41:32.418Z',
  cause: 'mark' as const,
};

describe('publishing an account that cannot be priced', () => {
  it('given it was published unpriced, when it is unpriced again for the same reason, then nothing is republished', () => {
    const last = unpricedMessage(stamp, ['whale'], 'no redemption rate for stETH');
    const next = unpricedMessage(stamp, ['whale'], 'no redemption rate for stETH');
    assert.equal(worthPublishing(next, last, THRESHOLD), false);
  });

  it('given it was published unpriced, when the reason changes, then the new reason is published: the old one is no longer true', () => {
    const last = unpricedMessage(stamp, ['whale'], 'no redemption rate for stETH');
    const next = unpricedMessage(stamp, ['whale'], 'no USD price for collateral ETH');
    assert.equal(worthPublishing(next, last, THRESHOLD), true);
  });
});
