import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { InstrumentFundingCommandV1, InstrumentMarkV1 } from '@clearing/contracts';
import { FundingBridge } from './funding-bridge';

const PARTITIONS = 3;
const newBridge = () =>
  new FundingBridge({ partitionCount: PARTITIONS, signingKey: 'k', settlementScale: 6 });

/** The contract's golden BTC-PERP mark (8-hour funding), re-dated, its mark price finer than a micro-USDC. */
const GOLDEN: InstrumentMarkV1 = JSON.parse(
  readFileSync(
    path.resolve(
      __dirname,
      '../../../../../libs/contracts/fixtures/ok/marks.v1/btc-perp-mark-with-funding.json',
    ),
    'utf8',
  ),
);
const mark = (asOf: string, changes: Partial<InstrumentMarkV1> = {}): InstrumentMarkV1 => ({
  ...GOLDEN,
  asOf,
  markPrice: '65000.1234565',
  funding: { ...GOLDEN.funding!, ratePerPeriod: '0.000123456789' },
  ...changes,
});

const commands = (bridge: FundingBridge, m: InstrumentMarkV1) =>
  bridge
    .commandsFor(m)
    .map((o) => ({ partition: o.partition, ...(JSON.parse(String(o.value)) as InstrumentFundingCommandV1) }));

describe('funding periods from the oracle perpetual marks', () => {
  it('given the first mark at 08:00:05, then the 08:00 period goes to every shard at that mark, rounded half-even to 6 places', () => {
    const sent = commands(newBridge(), mark('2026-12-06T08:00:05Z'));
    assert.deepEqual(
      sent.map((c) => [c.partition, c.shard, c.account, c.fundingTime, c.fundingRate, c.markPrice]),
      [0, 1, 2].map((shard) => [
        shard,
        shard,
        `CCP-${shard}`,
        '2026-12-06T08:00:00.000Z',
        '0.000123456789',
        '65000.123456',
      ]),
    );
    assert.ok(sent.every((c) => c.signature?.issuer === 'position-aggregator'));
  });

  it('when later marks of the same period come, then nothing more is sent; the next period is sent once', () => {
    const bridge = newBridge();
    commands(bridge, mark('2026-12-06T08:00:05Z'));
    assert.deepEqual(commands(bridge, mark('2026-12-06T15:59:59Z')), []);
    assert.equal(commands(bridge, mark('2026-12-06T16:00:01Z')).length, PARTITIONS);
    assert.deepEqual(
      commands(bridge, mark('2026-12-06T12:00:00Z')),
      [],
      'an older mark sends no older period',
    );
  });

  it('given a restarted bridge, then it sends the period again under the same ids (the writer settles nobody twice)', () => {
    const ids = (bridge: FundingBridge) =>
      commands(bridge, mark('2026-12-06T08:00:05Z')).map((c) => c.commandId);
    assert.deepEqual(ids(newBridge()), ids(newBridge()));
  });

  it('given a paused or invalid mark, or the mark of a dated future, then no period is sent', () => {
    const paused = { ratePerPeriod: '0', periodHours: 8, premiumIndex: '0', paused: true };
    for (const changes of [
      { funding: paused },
      { status: 'invalid' as const, reason: 'too-few-sources' as const, markPrice: undefined },
      { instrumentKind: 'future' as const, funding: undefined },
    ])
      assert.deepEqual(commands(newBridge(), mark('2026-12-06T08:00:05Z', changes)), []);
  });
});
