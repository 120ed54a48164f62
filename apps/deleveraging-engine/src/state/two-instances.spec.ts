import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkV1, TOPICS, validateMessage } from '@clearing/contracts';
import { partitionOfKey } from '@clearing/kafka';
import { InstrumentTerms, JournalEvent, parseAmount, scaledDecimal, ShardLedger } from '@clearing/ledger';
import { defaultMarginConfig, riskArray } from '@clearing/risk';
import { snapshotOf } from './account-snapshot';
import { ExactMarks } from './exact-marks';
import { LedgerView } from './ledger-view';
import { summaryDecoder, summaryFromWire, summaryToWire } from './summary-wire';
import { SystemRiskView } from './system-risk-view';

// Issue 16: with two deleveraging instances, each holds the accounts of its own journal partitions only.
// acct-alice (partition 1) goes bankrupt; the best ADL counterparty is acct-carol (partition 4), held by
// the other instance. Before risk.summaries.v1 the first instance ranked its own accounts only and chose
// acct-bob, and each instance computed Cover 2 over different accounts ([alice, bob] and [dave, carol]).

const PARTITIONS = 6;
const BTC_PERP: InstrumentTerms = {
  instrument: 'BTC-PERP',
  kind: 'perpetual',
  settlementAsset: 'USDC',
  settlementScale: 6,
  positionScale: 4,
  contractSize: scaledDecimal('1'),
};
const scaleOf = (asset: string) => (asset === 'USDC' ? 6 : 8);

function journal(): JournalEvent[] {
  const ledger = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
  let fills = 0;
  const deposit = (account: string, usdc: string) =>
    ledger.handle({
      type: 'Deposit',
      commandId: `dep-${account}`,
      account,
      asset: 'USDC',
      amount: parseAmount(usdc, 6),
      occurredAt: '2026-12-06T00:00:00Z',
    }).events;
  const trade = (account: string, btc: string, priceUsd: string) => {
    const sell = btc.startsWith('-');
    const fillId = `fill-${++fills}`;
    return ledger.handle({
      type: 'FillLeg',
      commandId: `${fillId}:leg`,
      account,
      fillId,
      side: sell ? 'sell' : 'buy',
      counterpartyAccount: 'someone-else',
      terms: BTC_PERP,
      price: parseAmount(priceUsd, 6),
      quantity: parseAmount(sell ? btc.slice(1) : btc, 4),
      fee: 0n,
      feeAsset: 'USDC',
      venue: 'venue-1',
      venueSequence: fills,
      fillHash: `hash-${fillId}`,
      occurredAt: '2026-12-06T00:01:00Z',
    }).events;
  };
  return [
    ...deposit('acct-alice', '2000'),
    ...trade('acct-alice', '1', '60000'),
    ...deposit('acct-bob', '20000'),
    ...trade('acct-bob', '-0.5', '51000'),
    ...deposit('acct-carol', '3000'),
    ...trade('acct-carol', '-1', '60000'),
    ...deposit('acct-dave', '15000'),
    ...trade('acct-dave', '2', '60000'),
  ].filter((event) => !event.account.startsWith('CCP-'));
}

function marksAt(priceUsd: number): MarkV1[] {
  const config = defaultMarginConfig();
  const asOf = '2026-12-06T00:02:00Z';
  const confidence = {
    sourcesUsed: 3,
    sourcesKnown: 3,
    sourcesStale: 0,
    sourcesOutlying: 0,
    dispersion: '0',
    stalenessMs: 0,
  };
  return [
    {
      schemaVersion: 1,
      kind: 'index',
      status: 'valid',
      asOf,
      underlying: 'BTC',
      price: String(priceUsd),
      confidence,
    },
    {
      schemaVersion: 1,
      kind: 'instrument',
      status: 'valid',
      asOf,
      instrument: 'BTC-PERP',
      instrumentKind: 'perpetual',
      underlying: 'BTC',
      indexPrice: String(priceUsd),
      markPrice: String(priceUsd),
      confidence,
      risk: {
        gridId: 'default',
        pnl: riskArray({ kind: 'linear', price: priceUsd, contractSize: 1 }, config.underlyings.BTC.grid),
      },
    },
  ];
}

/** One deleveraging instance: the fold of its journal partitions and the marks, and its system view. */
function instance(partitions: readonly number[], priceUsd = 50_000) {
  const view = new LedgerView({
    config: defaultMarginConfig(),
    threshold: { relative: 0.01, absoluteUsd: 1 },
    ewma: { lambda: 0.94, periodMs: 60_000, seedVariance: 0.0004 },
    parAssets: ['USDC'],
    standardAccounts: new Set(),
    scaleOf,
  });
  const exact = new ExactMarks();
  view.applyJournal(journal().filter((e) => partitions.includes(partitionOfKey(e.account, PARTITIONS))));
  const marks = marksAt(priceUsd);
  view.applyMarks(marks);
  exact.apply(marks);
  return new SystemRiskView(view, {
    partitionCount: PARTITIONS,
    adlDepth: 10,
    maxAgeMs: 10_000,
    served: () => partitions,
    snapshot: (account) => snapshotOf(view, exact, () => 1n, account),
  });
}

/** What `from` publishes on risk.summaries.v1 (schema-checked), as `to` reads it. */
function exchange(from: SystemRiskView, to: SystemRiskView, nowMs: number): void {
  const wire = from.ownSummaries(nowMs).map((s) => summaryToWire(s, PARTITIONS, 'instance', scaleOf));
  for (const message of wire) assert.ok(validateMessage(TOPICS.riskSummaries, message).ok);
  to.observe(wire.map((message) => summaryFromWire(message, scaleOf)));
}

describe('two deleveraging instances (issue 16)', () => {
  const nowMs = Date.parse('2026-12-06T00:03:00Z');
  const first = instance([0, 1, 2]);
  const second = instance([3, 4, 5]);

  it('given neither has read the other, then each knows its view is incomplete (ADL waits)', () => {
    assert.deepEqual(first.system(nowMs).stalePartitions, [3, 4, 5]);
    assert.equal(second.system(nowMs).isComplete(), false);
  });

  it('given acct-alice bankrupt on the first, then its ADL queue starts with acct-carol of the second', () => {
    exchange(second, first, nowMs);
    exchange(first, second, nowMs);
    const queue = first.system(nowMs).adlQueue('BTC-PERP', 'short', 'acct-alice');
    assert.deepEqual(
      queue.map((c) => c.account),
      ['acct-carol', 'acct-bob'],
    );
    assert.equal(queue[0].quantity, -10_000n);
  });

  it('given both, then Cover 2 names the same two largest exposures on each, from both partitions', () => {
    const largest = (instance: SystemRiskView) =>
      instance
        .system(nowMs)
        .largestStressLosses()
        .map((a) => a.account);
    assert.deepEqual(largest(first), largest(second));
    assert.deepEqual(largest(first).sort(), ['acct-alice', 'acct-dave']);
  });

  it('given a summary from an instance that lost the partition (less of the journal folded), then it is ignored', () => {
    const [current] = second.ownSummaries(nowMs).filter((s) => s.partition === 4);
    first.observe([
      { ...current, journalEvents: current.journalEvents - 1, asOfMs: nowMs + 1, candidates: [] },
    ]);
    assert.equal(first.system(nowMs).adlQueue('BTC-PERP', 'short', 'acct-alice')[0].account, 'acct-carol');
  });

  it('given the second stops publishing, then its partitions turn stale after the maximum age', () => {
    assert.deepEqual(first.system(nowMs + 10_001).stalePartitions, [3, 4, 5]);
  });

  it('given a case opened after the second last summarized, then ADL waits for a newer summary, then ranks it', () => {
    const caseOpenedMs = nowMs + 500;
    assert.deepEqual(first.system(nowMs + 1_000, caseOpenedMs).stalePartitions, [3, 4, 5]);
    exchange(second, first, nowMs + 1_000);
    assert.equal(first.system(nowMs + 1_000, caseOpenedMs).isComplete(), true);
  });

  it('given the second summarized before the crash (at 60,000), then the first ranks its positions at its own marks', () => {
    const beforeCrash = instance([3, 4, 5], 60_000);
    const afterCrash = instance([0, 1, 2]);
    exchange(beforeCrash, afterCrash, nowMs);
    const queue = afterCrash.system(nowMs).adlQueue('BTC-PERP', 'short', 'acct-alice');
    assert.deepEqual(
      queue.map((c) => c.account),
      ['acct-carol', 'acct-bob'],
    );
  });
});

describe('risk.summaries.v1 from a misbehaving publisher (issue 16)', () => {
  const decode = summaryDecoder(PARTITIONS, scaleOf);
  const honest = instance([3, 4, 5]).ownSummaries(Date.parse('2026-12-06T00:03:00Z'));
  const [summary] = honest.filter((s) => s.candidates.length > 0);
  const wire = summaryToWire(summary, PARTITIONS, 'instance', scaleOf);
  const bytes = (message: object) => Buffer.from(JSON.stringify(message));

  it('given an honest summary, then it is admitted', () => {
    assert.equal(decode(TOPICS.riskSummaries, bytes(wire)).ok, true);
  });

  it('given another partition count, a partition out of range, or an account of another partition, then it is refused with a reason', () => {
    const hostile = [
      { ...wire, partitionCount: PARTITIONS + 1 },
      { ...wire, partition: PARTITIONS },
      { ...wire, adl: [{ ...wire.adl[0], account: 'acct-alice' }] },
    ];
    for (const message of hostile) {
      const decoded = decode(TOPICS.riskSummaries, bytes(message));
      assert.equal(decoded.ok, false, JSON.stringify(message.adl[0]));
    }
  });

  it('given a quantity finer than its position scale, then it is refused, not thrown', () => {
    const finer = { ...wire, adl: [{ ...wire.adl[0], quantity: '-1.123456789' }] };
    assert.equal(decode(TOPICS.riskSummaries, bytes(finer)).ok, false);
  });
});
