import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createJournalEvent, JournalEvent, NO_POSTINGS } from '@clearing/ledger';
import { WithdrawalVerdicts } from './withdrawal-verdicts';

// A withdrawal booked under an open socialized loss pays out less than asked: the caller must learn it.
function approved(payload: Record<string, string>): JournalEvent {
  return createJournalEvent({
    id: 'ev-1',
    type: 'WithdrawalApproved',
    account: 'alice',
    sequence: 7,
    occurredAt: '2026-11-25T10:00:00Z',
    causationId: 'wd-1',
    postings: NO_POSTINGS,
    payload: { asset: 'USDC', amount: '1500', ...payload },
  });
}

describe('the withdrawal verdict names the payout', () => {
  it('given a withdrawal of 1,500 booked at an 84 % factor, then the answer says 1,260 paid and 240 kept', async () => {
    const verdicts = new WithdrawalVerdicts();
    const verdict = verdicts.wait('wd-1', 5_000);
    verdicts.observe(approved({ paidOut: '1260', haircut: '240', lossExposed: '1500', factorPpm: '840000' }));
    assert.deepEqual(await verdict, { status: 'booked', sequence: 7, paidOut: '1260', haircut: '240' });
  });

  it('given no open loss, then the answer is the plain booking', async () => {
    const verdicts = new WithdrawalVerdicts();
    const verdict = verdicts.wait('wd-1', 5_000);
    verdicts.observe(approved({}));
    assert.deepEqual(await verdict, { status: 'booked', sequence: 7 });
  });
});
