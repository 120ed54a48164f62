import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BTC_PERP, legsOf, scaleOf, usdc } from './book-fixtures';
import { PositionTransfer } from './commands';
import { ShardLedger } from './shard-ledger';

// The deleveraging engine re-sends a case step with the same command id after a crash (it cannot know
// whether the writer saw it). The ledger must book each step once, also after its own restore.
const liquidation = (commandId: string, instrument = 'BTC-PERP'): PositionTransfer => ({
  type: 'LiquidationTransfer',
  commandId,
  caseId: 'case-alice-1',
  account: 'alice',
  occurredAt: '2026-11-25T10:05:00Z',
  instrument,
  side: 'sell',
  quantity: 5_000n, // 0.5 BTC at position scale 4
  price: usdc('50000'),
  counterpartyAccount: 'INSURANCE-FUND-0',
  fee: usdc('25'),
});

function aliceLongOneBtc(): ShardLedger {
  const shard = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
  const [buy] = legsOf({
    fillId: 'f1',
    buyer: 'alice',
    seller: 'bob',
    terms: BTC_PERP,
    price: '60000',
    quantity: '1',
  });
  shard.handle(buy);
  return shard;
}

describe('deleveraging steps are booked once per command id', () => {
  it('given a liquidation step re-sent after a crash, then the second copy books nothing', () => {
    const shard = aliceLongOneBtc();
    assert.equal(shard.handle(liquidation('case-alice-1:1')).events.length, 1);
    assert.equal(shard.handle(liquidation('case-alice-1:1')).events.length, 0);
    assert.equal(shard.book('alice').position('BTC-PERP').quantity, 5_000n, 'sold 0.5 BTC once, not twice');
  });

  it('given the writer restored from its journal, then a step it had booked is still a duplicate', () => {
    const shard = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
    const [buy] = legsOf({
      fillId: 'f1',
      buyer: 'alice',
      seller: 'bob',
      terms: BTC_PERP,
      price: '60000',
      quantity: '1',
    });
    const journal = [...shard.handle(buy).events, ...shard.handle(liquidation('case-alice-1:1')).events];
    const restored = new ShardLedger(0, { maxEvents: 1_000 }, scaleOf);
    for (const event of journal) restored.restore(event);
    assert.equal(restored.handle(liquidation('case-alice-1:1')).events.length, 0);
    assert.equal(restored.handle(liquidation('case-alice-1:2')).events.length, 1, 'the next step books');
  });

  it('given a refused step (no such position) re-sent, then it is refused once, not journaled twice', () => {
    const shard = aliceLongOneBtc();
    const [refused] = shard.handle(liquidation('case-alice-1:3', 'BTC-26MAR27')).events;
    assert.equal(refused.type, 'CommandRejected');
    assert.equal(shard.handle(liquidation('case-alice-1:3', 'BTC-26MAR27')).events.length, 0);
  });
});

describe('the backstop takes a liquidated position over', () => {
  it('given a backstop without BTC-PERP, when the takeover leg carries the terms, then it opens the position at the liquidation price', () => {
    const shard = aliceLongOneBtc();
    const takeover: PositionTransfer = {
      ...liquidation('case-alice-1:1:backstop'),
      account: 'BACKSTOP',
      side: 'buy',
      fee: 0n,
      counterpartyAccount: 'alice',
      terms: BTC_PERP,
    };
    const [event] = shard.handle(takeover).events;
    assert.equal(event.type, 'LiquidationExecuted');
    assert.equal(shard.book('BACKSTOP').position('BTC-PERP').quantity, 5_000n);
    assert.equal(shard.book('BACKSTOP').position('BTC-PERP').cost, 5_000n * usdc('50000'));
  });

  it('given no position and no terms, then the leg is refused with the reason', () => {
    const shard = aliceLongOneBtc();
    const [refused] = shard.handle({ ...liquidation('case-x:1'), account: 'carol' }).events;
    assert.equal(refused.type, 'CommandRejected');
    assert.match(String(refused.payload.reason), /no position in BTC-PERP and no terms to open one/);
  });
});
