import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createJournalEvent, InvalidJournalEventError, withSequence } from './journal-event';
import {
  balanceDecidedPostings,
  BalancedPostings,
  balancePostings,
  checkPostings,
  NO_POSTINGS,
  Posting,
  UnbalancedPostingsError,
} from './posting';
import { assetArb, balancedPostingsArb } from './test-arbitraries';

const depositPostings = (): BalancedPostings =>
  balancePostings([
    { account: 'A-1', asset: 'USDC', amount: 1_000_000n },
    { account: 'custody', asset: 'USDC', amount: -1_000_000n },
  ]);

const deposit = (postings: BalancedPostings = depositPostings()) =>
  createJournalEvent({
    id: 'evt-1',
    type: 'CollateralDeposited',
    account: 'A-1',
    occurredAt: '2026-01-02T03:04:05.678Z',
    source: { topic: 'ledger.commands.v1', partition: 3, offset: '1042' },
    postings,
    payload: { commandId: 'cmd-1', nested: { tags: ['x'] } },
  });

describe('checkPostings (properties)', () => {
  it('given random balanced posting sets, then construction succeeds', () => {
    fc.assert(fc.property(balancedPostingsArb, (postings) => assert.equal(checkPostings(postings).ok, true)));
  });

  it('given a balanced set perturbed by a non-zero amount on one posting, then construction fails', () => {
    const perturbedArb = fc.tuple(balancedPostingsArb, fc.nat(), fc.bigInt({ min: -1000n, max: 1000n }));
    fc.assert(
      fc.property(
        perturbedArb.filter(([, , delta]) => delta !== 0n),
        ([postings, index, delta]) => {
          const target = index % postings.length;
          const perturbed = postings.map((p, i) => (i === target ? { ...p, amount: p.amount + delta } : p));
          assert.equal(checkPostings(perturbed).ok, false);
          assert.throws(() => balancePostings(perturbed), UnbalancedPostingsError);
        },
      ),
    );
  });

  it('given an extra one-sided posting of any asset, then construction fails', () => {
    fc.assert(
      fc.property(
        balancedPostingsArb,
        assetArb,
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        (postings, asset, amount) => {
          const check = checkPostings([...postings, { account: 'A-1', asset, amount }]);
          assert.equal(check.ok, false);
          assert.match(check.ok ? '' : check.reason, new RegExp(`${asset} sums to ${amount}`));
        },
      ),
    );
  });
});

describe('checkPostings (examples)', () => {
  it('given no postings, a zero amount, or a non-bigint amount, then rejects with a reason', () => {
    const zero: Posting[] = [
      { account: 'A-1', asset: 'USDC', amount: 0n },
      { account: 'B-2', asset: 'USDC', amount: 0n },
    ];
    const numeric = [{ account: 'A-1', asset: 'USDC', amount: 1 as unknown as bigint }];
    assert.deepEqual(checkPostings([]), { ok: false, reason: 'no postings' });
    assert.deepEqual(checkPostings(zero), { ok: false, reason: 'posting 0: zero amount' });
    const numericCheck = checkPostings(numeric);
    assert.match(numericCheck.ok ? 'accepted' : numericCheck.reason, /bigint/);
  });
});

describe("balanceDecidedPostings (the writer's own postings, properties)", () => {
  it('given random balanced posting sets, then it accepts them', () => {
    fc.assert(fc.property(balancedPostingsArb, (postings) => assert.ok(balanceDecidedPostings(postings))));
  });

  it('given a balanced set perturbed on one posting, or a zero posting added, then it throws', () => {
    const perturbedArb = fc.tuple(balancedPostingsArb, fc.nat(), fc.bigInt({ min: -1000n, max: 1000n }));
    fc.assert(
      fc.property(
        perturbedArb.filter(([, , delta]) => delta !== 0n),
        ([postings, index, delta]) => {
          const target = index % postings.length;
          const perturbed = postings.map((p, i) => (i === target ? { ...p, amount: p.amount + delta } : p));
          assert.throws(() => balanceDecidedPostings(perturbed), UnbalancedPostingsError);
          const withZero = [...postings, { account: 'A-1', asset: postings[0].asset, amount: 0n }];
          assert.throws(() => balanceDecidedPostings(withZero), /zero amount/);
        },
      ),
    );
  });
});

describe('createJournalEvent', () => {
  it('given valid input, then the event is deep-frozen and detached from the caller', () => {
    const event = deposit();
    assert.ok(
      Object.isFrozen(event) && Object.isFrozen(event.postings) && Object.isFrozen(event.postings[0]),
    );
    assert.ok(
      Object.isFrozen(event.payload) && Object.isFrozen((event.payload.nested as { tags: string[] }).tags),
    );
    assert.throws(() => (event.postings as unknown as Posting[]).push(event.postings[0]), TypeError);
  });

  it('given NO_POSTINGS, then a non-economic event can be recorded deliberately', () => {
    assert.equal(deposit(NO_POSTINGS).postings.length, 0);
  });

  it('given a forged (cast) posting list, then construction still fails at run time', () => {
    const forged = [{ account: 'A-1', asset: 'USDC', amount: 5n }] as unknown as BalancedPostings;
    assert.throws(() => deposit(forged), InvalidJournalEventError);
  });

  it('given a bad envelope, then throws naming the problem', () => {
    const valid = deposit();
    assert.throws(() => createJournalEvent({ ...valid, occurredAt: 'yesterday' }), /RFC 3339/);
    assert.throws(() => createJournalEvent({ ...valid, type: 'collateral_deposited' }), /PascalCase/);
    assert.throws(() => createJournalEvent({ ...valid, sequence: 0 }), /sequence/);
    assert.throws(() => createJournalEvent({ ...valid, account: '' }), /invalid account/);
    assert.throws(
      () => createJournalEvent({ ...valid, source: { topic: 't', partition: 0, offset: '-1' } }),
      /source/,
    );
  });

  it('given an event, when a sequence is assigned, then a new frozen event carries it', () => {
    const sequenced = withSequence(deposit(), 7);
    assert.equal(sequenced.sequence, 7);
    assert.ok(Object.isFrozen(sequenced));
  });
});
