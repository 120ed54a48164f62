import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coverDeficit, creditFees, InsuranceFundState } from './insurance-fund';

const HOUR_MS = 3_600_000;
const limits = { perEventCap: 1_000n, perWindowCap: 1_500n, windowMs: HOUR_MS };
const fund: InsuranceFundState = { balance: 10_000n, draws: [] };

describe('insurance fund: per-event and rolling-window caps over event time', () => {
  it('given a 1,200 deficit, then the per-event cap covers 1,000 and leaves 200 uncovered', () => {
    const result = coverDeficit(fund, 1_200n, 0, limits);
    assert.deepEqual([result.covered, result.uncovered, result.fund.balance], [1_000n, 200n, 9_000n]);
  });

  it('given a second default in the same hour, then only the window remainder (500) is covered', () => {
    const first = coverDeficit(fund, 1_000n, 0, limits);
    const second = coverDeficit(first.fund, 800n, HOUR_MS - 1, limits);
    assert.deepEqual([second.covered, second.uncovered], [500n, 300n]);
  });

  it('given the next default an hour later, then the first draw has left the window', () => {
    const first = coverDeficit(fund, 1_000n, 0, limits);
    const later = coverDeficit(first.fund, 800n, HOUR_MS, limits);
    assert.equal(later.covered, 800n);
    assert.equal(later.fund.draws.length, 1);
  });

  it('given an almost empty fund, then the balance is the limit; fees refill it', () => {
    const poor = { balance: 50n, draws: [] };
    assert.equal(coverDeficit(poor, 400n, 0, limits).covered, 50n);
    assert.equal(coverDeficit(creditFees(poor, 350n), 400n, 0, limits).covered, 400n);
  });

  it('refuses draws that go back in event time', () => {
    const first = coverDeficit(fund, 10n, 1_000, limits);
    assert.throws(() => coverDeficit(first.fund, 10n, 999, limits), RangeError);
  });

  it('property: covered + uncovered = deficit, and no window ever draws more than its cap', () => {
    const eventsArb = fc.array(
      fc.record({
        gapMs: fc.integer({ min: 0, max: HOUR_MS }),
        deficit: fc.bigInt({ min: 0n, max: 3_000n }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(eventsArb, (events) => {
        let state = fund;
        let atMs = 0;
        const all: { atMs: number; amount: bigint }[] = [];
        for (const event of events) {
          atMs += event.gapMs;
          const result = coverDeficit(state, event.deficit, atMs, limits);
          assert.equal(result.covered + result.uncovered, event.deficit);
          assert.ok(result.covered <= limits.perEventCap && result.covered >= 0n);
          all.push({ atMs, amount: result.covered });
          state = result.fund;
        }
        for (const draw of all) {
          const inWindow = all.filter((d) => d.atMs > draw.atMs - HOUR_MS && d.atMs <= draw.atMs);
          assert.ok(inWindow.reduce((sum, d) => sum + d.amount, 0n) <= limits.perWindowCap);
        }
        assert.equal(state.balance, fund.balance - all.reduce((sum, d) => sum + d.amount, 0n));
      }),
    );
  });
});
