import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarginV1 } from '@clearing/contracts';
import { engine, indexMark, redemptionRate, TestLedger } from './engine-fixtures';

// stETH is worth min(its market, redemption rate x ETH): three marks price it, and they arrive from
// different oracle partitions in any order. The whale must be re-margined by whichever comes last.
const T0 = '2026-12-06T07:41:31.238Z';
const NOW = '2026-12-06T07:41:32.418Z';

function whaleWithStEth() {
  const margin = engine();
  const ledger = new TestLedger();
  const touched = margin.applyJournal([
    ...ledger.deposit('whale', '25000'),
    ...ledger.deposit('whale', '5', T0, 'stETH'),
  ]);
  return { margin, touched };
}

const nlvOf = (figures: MarginV1 | undefined) => {
  assert.equal(figures?.kind, 'account-margin', JSON.stringify(figures));
  return figures.kind === 'account-margin' ? Number(figures.nlvUsd) : NaN;
};

describe('a whale holding 5 stETH while the marks that price it arrive one by one', () => {
  it('given stETH at 2,950 and its 0.97 redemption rate but no ETH index yet, then the whale is unpriced for want of ETH', () => {
    const { margin, touched } = whaleWithStEth();
    margin.applyMarks([indexMark('stETH', 2950, T0), redemptionRate('stETH', 'ETH', '0.97', T0)]);
    const [whale] = margin.evaluate(touched, 'journal', NOW).toPublish;
    assert.equal(whale.kind, 'account-unpriced');
    assert.deepEqual(whale.kind === 'account-unpriced' && whale.missing, ['ETH']);
  });

  it('when ETH is then indexed at 3,000, then the whale (who holds no ETH) is re-margined at 2,910 a stETH', () => {
    const { margin, touched } = whaleWithStEth();
    margin.applyMarks([indexMark('stETH', 2950, T0), redemptionRate('stETH', 'ETH', '0.97', T0)]);
    margin.evaluate(touched, 'journal', NOW);
    const holders = margin.applyMarks([indexMark('ETH', 3000, T0)]);
    assert.deepEqual([...holders], ['whale']);
    const [whale] = margin.evaluate(holders, 'mark', NOW).toPublish;
    assert.equal(nlvOf(whale), 25_000 + 5 * 2_910);
  });

  it('given stETH and ETH indexed but no redemption rate, then the whale is unpriced for want of the rate, and priced once it comes', () => {
    const { margin, touched } = whaleWithStEth();
    margin.applyMarks([indexMark('stETH', 2950, T0), indexMark('ETH', 3000, T0)]);
    const [unpriced] = margin.evaluate(touched, 'journal', NOW).toPublish;
    assert.deepEqual(unpriced.kind === 'account-unpriced' && unpriced.missing, ['stETH']);
    const holders = margin.applyMarks([redemptionRate('stETH', 'ETH', '0.97', T0)]);
    assert.equal(nlvOf(margin.evaluate(holders, 'mark', NOW).toPublish[0]), 25_000 + 5 * 2_910);
  });

  it('given the whale unpriced for want of the rate, when the rate comes but ETH is still missing, then the new reason is published', () => {
    const { margin, touched } = whaleWithStEth();
    margin.applyMarks([indexMark('stETH', 2950, T0)]);
    margin.evaluate(touched, 'journal', NOW);
    const holders = margin.applyMarks([redemptionRate('stETH', 'ETH', '0.97', T0)]);
    const [whale] = margin.evaluate(holders, 'mark', NOW).toPublish;
    assert.deepEqual(whale?.kind === 'account-unpriced' && whale.missing, ['ETH'], JSON.stringify(whale));
  });
});
