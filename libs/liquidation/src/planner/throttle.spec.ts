import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterRound, roundGate } from './throttle';

const params = { baseFractionPpm: 250_000n, baseCooldownMs: 30_000, escalation: 2n, minCooldownMs: 5_000 };

describe('throttle: a quarter of the book per round, 30 s apart, escalating while the price runs away', () => {
  it('given a first round, then it is due at once for 25% of each position', () => {
    const gate = roundGate({ level: 0 }, 0, 0.9, params);
    assert.deepEqual(gate, { due: true, fractionPpm: 250_000n, cooldownMs: 30_000, level: 0 });
  });

  it('given the account recovered as planned, then the next round waits the full cooldown', () => {
    const state = afterRound(roundGate({ level: 0 }, 0, 0.9, params), 0, 1.1);
    assert.equal(roundGate(state, 29_999, 1.1, params).due, false);
    assert.equal(roundGate(state, 30_000, 1.1, params).due, true);
  });

  it('given health below what the round planned, then 50% after 15 s, then 100% after 7.5 s, never under 5 s', () => {
    const first = afterRound(roundGate({ level: 0 }, 0, 0.9, params), 0, 1.1);
    const second = roundGate(first, 15_000, 0.95, params);
    assert.deepEqual(second, { due: true, fractionPpm: 500_000n, cooldownMs: 15_000, level: 1 });
    const third = roundGate(afterRound(second, 15_000, 1.05), 22_500, 0.97, params);
    assert.deepEqual(third, { due: true, fractionPpm: 1_000_000n, cooldownMs: 7_500, level: 2 });
    const fourth = roundGate(afterRound(third, 22_500, 1.0), 30_000, 0.9, params);
    assert.deepEqual([fourth.fractionPpm, fourth.cooldownMs], [1_000_000n, 5_000]);
  });
});
