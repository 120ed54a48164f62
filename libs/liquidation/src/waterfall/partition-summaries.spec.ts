import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InstrumentCandidate,
  isNewerSummary,
  PartitionSummary,
  summarizePartition,
} from './partition-summaries';

/** A position whose ADL score grows with `profitUsd` (entry 100,000, bankrupt far away). */
const candidate = (account: string, quantity: bigint, profitUsd: number): InstrumentCandidate => ({
  account,
  instrument: 'BTC-PERP',
  positionScale: 4,
  markPriceUsd: 50_000,
  quantity,
  markValueUsd: quantity > 0n ? 100_000 + profitUsd : -(100_000 - profitUsd),
  entryValueUsd: quantity > 0n ? 100_000 : -100_000,
  bankruptValueUsd: quantity > 0n ? 10_000 : -190_000,
});
const base = { partition: 2, journalEvents: 10, asOfMs: 1_000, funds: [] };

describe('partition summaries', () => {
  it('given more candidates than the depth, then each side keeps its best ranked only, and two stress losses', () => {
    const shorts = ['s1', 's2', 's3'].map((a, i) => candidate(a, -10_000n, 1_000 * (i + 1)));
    const longs = ['l1', 'l2'].map((a, i) => candidate(a, 10_000n, 500 * (i + 1)));
    const stressed = [
      { account: 's1', stressLossUsd: 5 },
      { account: 's2', stressLossUsd: 50 },
      { account: 'l1', stressLossUsd: 20 },
    ];
    const summary = summarizePartition(base, [...shorts, ...longs], stressed, 2);
    assert.deepEqual(
      summary.candidates.map((c) => c.account),
      ['s3', 's2', 'l2', 'l1'],
    );
    assert.deepEqual(
      summary.largest.map((a) => a.account),
      ['s2', 'l1'],
    );
  });

  it('given two summaries of a partition, then the one that folded more of the journal wins, then the later', () => {
    const held: PartitionSummary = { ...base, candidates: [], largest: [] };
    assert.equal(isNewerSummary(held, { ...held, journalEvents: 9, asOfMs: 5_000 }), false, 'a zombie');
    assert.equal(isNewerSummary(held, { ...held, journalEvents: 11, asOfMs: 500 }), true);
    assert.equal(isNewerSummary(held, { ...held, asOfMs: 1_001 }), true);
    assert.equal(isNewerSummary(undefined, held), true);
  });
});
