import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InstrumentMarkV1, MarkV1, PROJECTION_GROUP, WRITER_GROUP } from '@clearing/contracts';
import { divRound, JournalEventWire, parseAmount, rescale, scaledDecimal } from '@clearing/ledger';
import { clusterScopedId, TopicRecord } from '@clearing/kafka';
import {
  btcQuotes,
  depositMessage,
  eventually,
  fillMessage,
  MarginFixture,
  publishRaw,
  readCommitted,
  verifyWhenCaughtUp,
} from '@clearing/testing';

// Issue 12, defect 4: the oracle published funding rates, but nobody settled them.
const PERIOD_MS = 8 * 3_600_000;
const USDC_SCALE = 6;
const RATE_SCALE = 18;

/** The last 8-hour funding time at least a minute ago: quotes on both sides of it are in the past. */
function lastFundingTimeMs(): number {
  return Math.floor((Date.now() - 60_000) / PERIOD_MS) * PERIOD_MS;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function usdcOf(system: MarginFixture, account: string): Promise<string | undefined> {
  const [row] = await system.query<{ amount: string }>(
    `SELECT amount::text FROM balances WHERE account_id = $1 AND asset = 'USDC'`,
    [account],
  );
  return row?.amount;
}

/** The first BTC-PERP mark with funding dated at or after `fundingTimeMs`: the one its period is settled at. */
async function firstMarkOfPeriod(
  system: MarginFixture,
  fundingTimeMs: number,
): Promise<InstrumentMarkV1 | undefined> {
  const marks = (await readCommitted(system.kafka.kafka, system.topics.marks)).map(
    (r) => JSON.parse(r.value!.toString()) as MarkV1,
  );
  return marks.find(
    (m): m is InstrumentMarkV1 =>
      m.kind === 'instrument' &&
      m.instrument === 'BTC-PERP' &&
      m.funding !== undefined &&
      Date.parse(m.asOf) >= fundingTimeMs,
  );
}

async function fundingEvents(system: MarginFixture): Promise<JournalEventWire[]> {
  const records = await readCommitted(system.kafka.kafka, system.topics.ledgerJournal);
  return records
    .map((r) => JSON.parse(r.value!.toString()) as JournalEventWire)
    .filter((e) => e.type === 'FundingSettled');
}

/** The InstrumentFunding commands on ledger.commands.v1 for the period at `fundingTimeMs`, oldest first. */
async function fundingCommandsAt(system: MarginFixture, fundingTimeMs: number): Promise<TopicRecord[]> {
  const records = await readCommitted(system.kafka.kafka, system.topics.ledgerCommands);
  return records.filter((r) => {
    const command = JSON.parse(r.value!.toString()) as { type: string; fundingTime?: string };
    return command.type === 'InstrumentFunding' && command.fundingTime === iso(fundingTimeMs);
  });
}

/** True once the writer's group committed past every one of `records` (each decided and committed). */
async function writerDecided(
  system: MarginFixture,
  records: readonly TopicRecord[],
): Promise<true | undefined> {
  const admin = await system.kafka.adminClient();
  const groupId = clusterScopedId(WRITER_GROUP, system.namespace);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [system.topics.ledgerCommands] });
  const next = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
  return records.every((r) => (next.get(r.partition) ?? -1n) > BigInt(r.offset)) || undefined;
}

/**
 * USDC (minor units) of a long 2 and a short 2 who both held `startMinor`, after one funding period at
 * `mark`: the long pays 2 x mark x rate rounded up, the short receives it rounded down.
 */
function afterFunding(mark: InstrumentMarkV1, startMinor: bigint): { alice: bigint; bob: bigint } {
  const rate = parseAmount(mark.funding!.ratePerPeriod, RATE_SCALE);
  const owedByLong = 2n * parseAmount(mark.markPrice!, USDC_SCALE) * rate;
  const rateUnit = 10n ** BigInt(RATE_SCALE);
  return {
    alice: startMinor + divRound(-owedByLong, rateUnit, 'floor'),
    bob: startMinor + divRound(owedByLong, rateUnit, 'floor'),
  };
}

/** A NUMERIC read as text, exactly, in USDC minor units. */
function usdcMinor(text: string): bigint {
  const { minor, scale } = scaledDecimal(text);
  return rescale(minor, scale, USDC_SCALE, 'toward-zero');
}

/** Alice buys 2 BTC-PERP from Bob at 65,000 (fees zero) before the funding time, BTC priced before it too. */
async function aliceLongBobShortBefore(system: MarginFixture, fundingTimeMs: number): Promise<void> {
  const { kafka } = system.kafka;
  await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('65000', iso(fundingTimeMs - 30_000)));
  await publishRaw(kafka, system.topics.ledgerCommands, [
    depositMessage('alice', '100000'),
    depositMessage('bob', '100000'),
  ]);
  await publishRaw(kafka, system.topics.fills, [
    fillMessage({
      fillId: 'funded-1',
      instrument: 'BTC-PERP',
      price: '65000',
      quantity: '2',
      buyer: 'alice',
      seller: 'bob',
      eventTime: iso(fundingTimeMs - 20_000),
    }),
  ]);
  await eventually(async () => {
    const rows = await system.query(
      `SELECT 1 FROM positions WHERE instrument = 'BTC-PERP' AND quantity <> 0`,
    );
    return rows.length === 2 ? true : undefined;
  });
}

describe('perpetual funding settled every period, from the oracle through the journal', () => {
  const system = new MarginFixture();
  const fundingTimeMs = lastFundingTimeMs();
  before(async () => {
    await system.open(['alice', 'bob']);
    await system.start();
    await system.startOracle();
  });
  after(() => system.close());

  it('given Alice long 2 BTC-PERP against Bob across a funding time, then longs pay shorts rate x notional, once', async () => {
    // Given Alice bought 2 BTC-PERP from Bob at 65,000 before the funding time, fees zero
    await aliceLongBobShortBefore(system, fundingTimeMs);
    const { kafka } = system.kafka;
    // When the funding time passes: the oracle prices BTC after it, twice (a republished quote changes nothing)
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('65000', iso(fundingTimeMs + 5_000)));
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('65000', iso(fundingTimeMs + 6_000)));
    const mark = await eventually(() => firstMarkOfPeriod(system, fundingTimeMs), 60_000, 500);
    // Then Alice paid rate x 2 x mark (rounded against her) and Bob received it (rounded against him)
    const expected = afterFunding(mark, 100_000n * 10n ** BigInt(USDC_SCALE));
    const settled = await eventually(
      async () => {
        // Each side is booked and projected on its own partition: wait for both, not the first one seen.
        const [alice, bob] = [await usdcOf(system, 'alice'), await usdcOf(system, 'bob')];
        const moved = (usdc: string | undefined) =>
          usdc !== undefined && usdcMinor(usdc) !== usdcMinor('100000');
        return moved(alice) && moved(bob) ? { alice: alice!, bob: bob! } : undefined;
      },
      60_000,
      500,
    );
    assert.deepEqual({ alice: usdcMinor(settled.alice), bob: usdcMinor(settled.bob) }, expected);
    assert.ok(parseAmount(mark.funding!.ratePerPeriod, RATE_SCALE) !== 0n, 'a non-zero rate was settled');
    const events = await fundingEvents(system);
    assert.deepEqual(events.map((e) => e.account).sort(), ['alice', 'bob'], 'one settlement per holder');
  });

  it('when both services restart and the oracle prices the period again, then the period is issued again and nobody is settled twice', async () => {
    const issuedBefore = (await fundingCommandsAt(system, fundingTimeMs)).length;
    await system.stop();
    await system.start();
    await system.startOracle();
    await publishRaw(
      system.kafka.kafka,
      system.topics.oraclePrices,
      btcQuotes('65000', iso(fundingTimeMs + 7_000)),
    );
    // The fresh bridge re-issues the period under the same ids; wait until the writer has decided those too
    const reissued = await eventually(
      async () => {
        const all = await fundingCommandsAt(system, fundingTimeMs);
        return all.length >= 2 * issuedBefore ? all.slice(issuedBefore) : undefined;
      },
      60_000,
      500,
    );
    await eventually(() => writerDecided(system, reissued), 60_000, 500);
    const events = await fundingEvents(system);
    assert.deepEqual(
      events.map((e) => e.account).sort(),
      ['alice', 'bob'],
      'still one settlement per holder',
    );
  });

  it('then clearing verify passes: the books still sum to zero', async () => {
    const report = await verifyWhenCaughtUp({
      kafka: system.kafka.kafka,
      topic: system.topics.ledgerJournal,
      dataSource: system.database.dataSource,
      consumerGroup: PROJECTION_GROUP,
    });
    assert.deepEqual(
      report.checks.filter((c) => !c.ok),
      [],
    );
  });
});
