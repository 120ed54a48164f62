import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiquidationV1, MarginV1, SettlementV1 } from '@clearing/contracts';
import { SystemFeed, SystemUpdate } from './system-feed';

const margin = (account: string, band: string) =>
  ({ kind: 'account-margin', account, health: { ratio: 1, band } }) as unknown as MarginV1;
const unpriced = (account: string) => ({ kind: 'account-unpriced', account }) as unknown as MarginV1;
const caseOpened = { kind: 'case-opened', account: 'alice', caseId: 'alice#1' } as unknown as LiquidationV1;
const light = { kind: 'adl-queue', account: 'bob', quintile: 5 } as unknown as LiquidationV1;
const solvency = (ratio: number) => ({ kind: 'solvency', ratio }) as unknown as LiquidationV1;
const cycle = (cycleId: string) => ({ kind: 'cycle-summary', cycleId }) as unknown as SettlementV1;
const obligation = { kind: 'obligation', cycleId: '0-1' } as unknown as SettlementV1;

function listen(feed: SystemFeed): SystemUpdate[] {
  const got: SystemUpdate[] = [];
  feed.subscribe((update) => got.push(update));
  return got;
}

describe('system feed (the risk page stream)', () => {
  it('given alice repriced three times in the same band, then only her first band and the move to watch are told', () => {
    const feed = new SystemFeed();
    const got = listen(feed);
    feed.onMargin([margin('alice', 'healthy'), margin('alice', 'healthy'), margin('alice', 'watch')]);
    assert.deepEqual(got, [
      { event: 'band', data: { account: 'alice', band: 'healthy' } },
      { event: 'band', data: { account: 'alice', band: 'watch', from: 'healthy' } },
    ]);
  });

  it('given bob loses a mark, then he leaves his band for unpriced (no band)', () => {
    const feed = new SystemFeed();
    feed.onMargin([margin('bob', 'warning')]);
    const got = listen(feed);
    feed.onMargin([unpriced('bob')]);
    assert.deepEqual(got, [{ event: 'band', data: { account: 'bob', band: null, from: 'warning' } }]);
  });

  it('given a case opens and an ADL light changes, then the case is told and the light is not', () => {
    const feed = new SystemFeed();
    const got = listen(feed);
    feed.onLiquidations([light, caseOpened]);
    assert.deepEqual(got, [{ event: 'liquidation', data: caseOpened }]);
  });

  it('given two Cover 2 reports and a closed cycle before a subscriber came, then it starts from the latest of each', () => {
    const feed = new SystemFeed();
    feed.onLiquidations([solvency(3), solvency(2)]);
    feed.onSettlements([obligation, cycle('0-1')]);
    assert.deepEqual(listen(feed), [
      { event: 'solvency', data: solvency(2) },
      { event: 'netting', data: cycle('0-1') },
    ]);
  });

  it('given a listener left, then it gets nothing more', () => {
    const feed = new SystemFeed();
    const got: SystemUpdate[] = [];
    const stop = feed.subscribe((update) => got.push(update));
    stop();
    feed.onSettlements([cycle('1-1')]);
    assert.deepEqual(got, []);
  });
});
