import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiquidationV1, MarginV1 } from '@clearing/contracts';
import { AccountFeed, AccountUpdate } from './account-feed';

const margin = (account: string, journalSequence: number) =>
  ({ kind: 'account-margin', account, journalSequence }) as unknown as MarginV1;
const caseOpened = (account: string) =>
  ({ kind: 'case-opened', account, caseId: `case-${account}` }) as unknown as LiquidationV1;
const solvency = { kind: 'solvency', insuranceFundUsd: '0' } as unknown as LiquidationV1;

function listen(feed: AccountFeed, account: string): { got: AccountUpdate[]; stop: () => void } {
  const got: AccountUpdate[] = [];
  return { got, stop: feed.subscribe(account, (update) => got.push(update)) };
}

describe('account feed', () => {
  it('given alice subscribes after her margin was published, then she starts from her latest figures', () => {
    const feed = new AccountFeed();
    feed.onMargin([margin('alice', 1), margin('bob', 1), margin('alice', 2)]);
    const alice = listen(feed, 'alice');
    assert.deepEqual(alice.got, [{ event: 'margin', data: margin('alice', 2) }]);
  });

  it('given alice and bob listen, then each gets only their own margin and liquidation events', () => {
    const feed = new AccountFeed();
    const alice = listen(feed, 'alice');
    const bob = listen(feed, 'bob');
    feed.onMargin([margin('bob', 3)]);
    feed.onLiquidations([caseOpened('alice'), solvency]);
    assert.deepEqual(alice.got, [{ event: 'liquidation', data: caseOpened('alice') }]);
    assert.deepEqual(bob.got, [{ event: 'margin', data: margin('bob', 3) }]);
  });

  it('given one of two subscribers leaves, then it gets nothing more and the other still does', () => {
    const feed = new AccountFeed();
    const leaving = listen(feed, 'alice');
    const staying = listen(feed, 'alice');
    leaving.stop();
    feed.onMargin([margin('alice', 4)]);
    assert.deepEqual(leaving.got, []);
    assert.deepEqual(staying.got, [{ event: 'margin', data: margin('alice', 4) }]);
  });
});
