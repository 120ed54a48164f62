import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountMarginV1, MarginV1, validateMessage, TOPICS } from '@clearing/contracts';
import { btcIndex, btcPerpMark, engine, TestLedger } from './engine-fixtures';

const T0 = '2026-11-25T10:00:00.000Z';
const NOW = '2026-11-25T10:05:00.000Z';

function priced(figures: MarginV1 | undefined): AccountMarginV1 {
  assert.ok(
    figures !== undefined && figures.kind === 'account-margin',
    `priced figures, got ${JSON.stringify(figures)}`,
  );
  return figures;
}

/** A trader long 1 BTC-PERP at 60,000 with 20,000 USDC, marked at 60,000. */
function tradedAccount() {
  const margin = engine();
  const ledger = new TestLedger();
  margin.applyMarks([btcPerpMark(60_000, T0), btcIndex(60_000, T0)]);
  const touched = margin.applyJournal([
    ...ledger.deposit('alice', '20000'),
    ...ledger.trade('alice', '1', '60000'),
  ]);
  return { margin, ledger, touched };
}

describe('margin engine: a trader long 1 BTC-PERP at 60,000 with 20,000 USDC', () => {
  it('given the fill is journaled, then only alice is touched and her figures are published, valid margin.v1', () => {
    const { margin, touched } = tradedAccount();
    assert.deepEqual([...touched], ['alice']);
    const { toPublish } = margin.evaluate(touched, 'journal', NOW);
    const alice = priced(toPublish[0]);
    assert.equal(alice.journalSequence, 2);
    assert.equal(alice.nlvUsd, '20000');
    assert.equal(alice.health.band, 'healthy');
    assert.ok(Number(alice.required.imUsd) > 0, 'a naked perp requires margin');
    const check = validateMessage(TOPICS.margin, alice);
    assert.ok(check.ok, check.ok ? '' : check.reason);
  });

  it('given a 0.01% tick, then nothing is republished; given a 10% drop, then NLV falls by 6,000 and it is', () => {
    const { margin, touched } = tradedAccount();
    margin.evaluate(touched, 'journal', NOW);
    const quiet = margin.evaluate(
      margin.applyMarks([btcPerpMark(60_006, '2026-11-25T10:02:00Z')]),
      'mark',
      NOW,
    );
    assert.equal(quiet.toPublish.length, 0);
    assert.equal(quiet.all.length, 1, 'the holder was still recomputed');
    const crash = margin.evaluate(
      margin.applyMarks([btcPerpMark(54_000, '2026-11-25T10:03:00Z')]),
      'mark',
      NOW,
    );
    const alice = priced(crash.toPublish[0]);
    assert.equal(alice.nlvUsd, '14000');
    assert.equal(alice.cause, 'mark');
    assert.equal(alice.marksAsOf, '2026-11-25T10:03:00.000Z');
  });

  it('given a crash to 42,000, then the band changes to liquidatable or worse and is published', () => {
    const { margin, touched } = tradedAccount();
    margin.evaluate(touched, 'journal', NOW);
    const { toPublish } = margin.evaluate(
      margin.applyMarks([btcPerpMark(42_000, '2026-11-25T10:03:00Z')]),
      'mark',
      NOW,
    );
    const alice = priced(toPublish[0]);
    assert.equal(alice.nlvUsd, '2000');
    assert.equal(alice.health.band, 'liquidatable');
  });

  it('given a mark of an instrument nobody owned here holds, then no account is touched', () => {
    const { margin } = tradedAccount();
    const mark = { ...btcPerpMark(60_000, T0), instrument: 'BTC-26MAR27', instrumentKind: 'future' as const };
    assert.equal(margin.applyMarks([mark]).size, 0);
  });

  it('given an event already folded (redelivery after a restore), then it is not applied twice', () => {
    const margin = engine();
    const ledger = new TestLedger();
    const events = ledger.deposit('bob', '500');
    assert.equal(margin.applyJournal(events).size, 1);
    assert.equal(margin.applyJournal(events).size, 0);
    assert.equal(margin.accounts.book('bob')?.balance('USDC'), 500_000_000n);
  });

  it('given a gap in an account sequence, then the engine stops with an invariant error instead of skipping', () => {
    const margin = engine();
    const ledger = new TestLedger();
    const [first] = ledger.deposit('carol', '1');
    const [third] = [...ledger.deposit('carol', '2'), ...ledger.deposit('carol', '3')].slice(1);
    margin.applyJournal([first]);
    assert.throws(() => margin.applyJournal([third]), /sequence 3 after 1/);
  });
});

describe('margin engine: no figure rather than a wrong one', () => {
  it('given a position whose instrument has no mark yet, then the account is published unpriced naming it', () => {
    const margin = engine();
    const ledger = new TestLedger();
    const touched = margin.applyJournal([
      ...ledger.deposit('dave', '1000'),
      ...ledger.trade('dave', '-0.1', '60000'),
    ]);
    const [dave] = margin.evaluate(touched, 'journal', NOW).toPublish;
    assert.equal(dave.kind, 'account-unpriced');
    assert.deepEqual(dave.kind === 'account-unpriced' && dave.missing, ['BTC-PERP']);
    const repriced = margin.evaluate(margin.applyMarks([btcPerpMark(60_000, T0)]), 'mark', NOW).toPublish;
    assert.equal(repriced[0].kind, 'account-margin', 'the first mark prices it');
  });
});
