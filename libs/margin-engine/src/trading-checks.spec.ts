import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approveWithdrawal, InstrumentCatalog, whatIfMargin } from './trading-checks';
import { btcIndex, btcPerpMark, engine, TestLedger } from './engine-fixtures';

const T0 = '2026-11-25T10:00:00.000Z';
const catalog: InstrumentCatalog = (instrument) =>
  instrument === 'BTC-PERP'
    ? { instrument, kind: 'perpetual', contractSize: 1, settlementAsset: 'USDC' }
    : undefined;

function longOneBtc() {
  const margin = engine();
  const ledger = new TestLedger();
  margin.applyMarks([btcPerpMark(60_000, T0), btcIndex(60_000, T0)]);
  margin.applyJournal([...ledger.deposit('alice', '20000'), ...ledger.trade('alice', '1', '60000')]);
  return { margin, ledger };
}

describe('what-if: pre-trade margin of hypothetical trades', () => {
  it('given alice is long 1 BTC, when she asks about selling 1 BTC-PERP, then the hedge frees her whole IM', () => {
    const { margin } = longOneBtc();
    const result = whatIfMargin(
      margin,
      'alice',
      [{ instrument: 'BTC-PERP', quantity: -1, priceUsd: 60_000 }],
      catalog,
    );
    assert.ok(result.ok);
    assert.ok(result.value.before.required.imUsd > 9_000, `before: ${result.value.before.required.imUsd}`);
    assert.equal(result.value.after.required.imUsd, 0);
    assert.equal(result.value.after.nlvUsd, 20_000);
  });

  it('given an instrument the catalog does not know, then the check says so instead of guessing', () => {
    const { margin } = longOneBtc();
    const result = whatIfMargin(
      margin,
      'alice',
      [{ instrument: 'DOGE-PERP', quantity: 1, priceUsd: 1 }],
      catalog,
    );
    assert.deepEqual(result, { ok: false, status: 'unknown', reason: 'unknown instrument DOGE-PERP' });
  });
});

describe('withdrawals: free collateral after the withdrawal must stay >= 0', () => {
  it('given 20,000 USDC against about 9,600 IM, then 10,000 may leave and 11,000 may not', () => {
    const { margin } = longOneBtc();
    const allowed = approveWithdrawal(margin, 'alice', 'USDC', 10_000);
    assert.ok(allowed.ok, allowed.ok ? '' : allowed.reason);
    assert.equal(allowed.value.journalSequence, 2, 'the approval names the sequence it saw');
    assert.ok(allowed.value.freeCollateralAfterUsd >= 0);
    const refused = approveWithdrawal(margin, 'alice', 'USDC', 11_000);
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.reason, /free collateral after the withdrawal would be -/);
  });

  it('given a fill booked after the check, then the approval is stale: it still names the old sequence', () => {
    const { margin, ledger } = longOneBtc();
    const approval = approveWithdrawal(margin, 'alice', 'USDC', 10_000);
    margin.applyJournal(ledger.trade('alice', '0.5', '60000'));
    assert.ok(approval.ok);
    assert.equal(margin.accounts.book('alice')?.sequence, 3);
    assert.notEqual(
      approval.value.journalSequence,
      3,
      'the writer refuses an approval older than the account',
    );
    const again = approveWithdrawal(margin, 'alice', 'USDC', 10_000);
    assert.equal(again.ok, false, 'with 1.5 BTC long the same withdrawal no longer fits');
  });

  it('given another account has negative equity after a crash, then no withdrawal is approved until the waterfall ran', () => {
    const { margin, ledger } = longOneBtc();
    margin.applyJournal([...ledger.deposit('carol', '1000'), ...ledger.trade('carol', '1', '60000')]);
    margin.evaluate(margin.applyMarks([btcPerpMark(58_000, '2026-11-25T10:10:00Z')]), 'mark', T0);
    const gated = approveWithdrawal(margin, 'alice', 'USDC', 100);
    assert.equal(gated.ok, false);
    assert.match(gated.ok ? '' : gated.reason, /gated while 1 account\(s\) have negative equity/);
  });

  it('given an account another calculator margins is bankrupt on margin.v1, then no withdrawal is approved here either (issue 16)', () => {
    const { margin: here } = longOneBtc();
    const there = engine();
    const ledger = new TestLedger();
    there.applyMarks([btcIndex(58_000, T0)]);
    there.applyJournal([...ledger.deposit('carol', '1000'), ...ledger.trade('carol', '1', '60000')]);
    const { toPublish } = there.evaluate(there.applyMarks([btcPerpMark(58_000, T0)]), 'mark', T0);
    assert.equal(approveWithdrawal(here, 'alice', 'USDC', 100).ok, true, 'before margin.v1 is read');
    here.observeSystemMargin(toPublish);
    const gated = approveWithdrawal(here, 'alice', 'USDC', 100);
    assert.match(gated.ok ? '' : gated.reason, /gated while 1 account\(s\) have negative equity/);
  });

  it('and once that account is margined above zero again, withdrawals are approved', () => {
    const { margin: here } = longOneBtc();
    const there = engine();
    const ledger = new TestLedger();
    there.applyMarks([btcIndex(58_000, T0)]);
    there.applyJournal([...ledger.deposit('carol', '1000'), ...ledger.trade('carol', '1', '60000')]);
    here.observeSystemMargin(
      there.evaluate(there.applyMarks([btcPerpMark(58_000, T0)]), 'mark', T0).toPublish,
    );
    there.applyJournal(ledger.deposit('carol', '5000'));
    here.observeSystemMargin(there.evaluate(['carol'], 'journal', T0).toPublish);
    assert.equal(approveWithdrawal(here, 'alice', 'USDC', 100).ok, true);
  });
});
