import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InstrumentMarkV1, MarkV1 } from '@clearing/contracts';
import { divRound, formatAmount, JournalEventWire, parseAmount } from '@clearing/ledger';
import { depositMessage, eventually, fillMessage, publishRaw, readCommitted } from '@clearing/testing';
import { btcQuotes, MarginFixture } from '../../../margin-calculator/src/margin-fixture';
import { PROJECTION_GROUP } from '../../../position-aggregator/src/aggregator.settings';
import { verifyWhenCaughtUp } from '../verify/verify-when-caught-up';

// Issue 12, defect 4: the oracle published funding rates, but nobody settled them.
const PERIOD_MS = 8 * 3_600_000;
const USDC_SCALE = 6;
const RATE_SCALE = 18;

/** The last 8-hour funding time at least a minute ago: quotes on both sides of it are in the past. */
function lastFundingTimeMs(): number {
  return Math.floor((Date.now() - 60_000) / PERIOD_MS) * PERIOD_MS;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('perpetual funding settled every period, from the oracle through the journal', () => {
  const system = new MarginFixture();
  const fundingTimeMs = lastFundingTimeMs();
  before(async () => {
    await system.open(['alice', 'bob']);
    await system.start();
    await system.startOracle();
  });
  after(() => system.close());

  async function usdcOf(account: string): Promise<string | undefined> {
    const [row] = await system.query<{ amount: string }>(
      `SELECT amount::text FROM balances WHERE account_id = $1 AND asset = 'USDC'`,
      [account],
    );
    return row?.amount;
  }

  async function firstMarkOfPeriod(): Promise<InstrumentMarkV1 | undefined> {
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

  async function fundingEvents(): Promise<JournalEventWire[]> {
    const records = await readCommitted(system.kafka.kafka, system.topics.ledgerJournal);
    return records
      .map((r) => JSON.parse(r.value!.toString()) as JournalEventWire)
      .filter((e) => e.type === 'FundingSettled');
  }

  it('given Alice long 2 BTC-PERP against Bob across a funding time, then longs pay shorts rate x notional, once', async () => {
    // Given Alice bought 2 BTC-PERP from Bob at 65,000 before the funding time, fees zero
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
      const rows = await system.query(`SELECT 1 FROM positions WHERE instrument = 'BTC-PERP' AND quantity <> 0`);
      return rows.length === 2 ? true : undefined;
    });
    // When the funding time passes: the oracle prices BTC after it, twice (a republished quote changes nothing)
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('65000', iso(fundingTimeMs + 5_000)));
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('65000', iso(fundingTimeMs + 6_000)));
    const mark = await eventually(firstMarkOfPeriod, 60_000, 500);
    const rate = parseAmount(mark.funding!.ratePerPeriod, RATE_SCALE);
    const markPrice = parseAmount(mark.markPrice!, USDC_SCALE);
    // Then Alice paid rate x 2 x mark (rounded against her) and Bob received it (rounded against him)
    const owedByLong = 2n * markPrice * rate;
    const alicePays = -divRound(-owedByLong, 10n ** BigInt(RATE_SCALE), 'floor');
    const bobGets = divRound(owedByLong, 10n ** BigInt(RATE_SCALE), 'floor');
    const expected = {
      alice: formatAmount(100_000n * 10n ** BigInt(USDC_SCALE) - alicePays, USDC_SCALE),
      bob: formatAmount(100_000n * 10n ** BigInt(USDC_SCALE) + bobGets, USDC_SCALE),
    };
    const settled = await eventually(
      async () => {
        const [alice, bob] = [await usdcOf('alice'), await usdcOf('bob')];
        return alice !== undefined && Number(alice) !== 100_000 ? { alice, bob } : undefined;
      },
      60_000,
      500,
    );
    assert.deepEqual(
      { alice: Number(settled.alice), bob: Number(settled.bob) },
      { alice: Number(expected.alice), bob: Number(expected.bob) },
    );
    assert.ok(rate !== 0n, 'the oracle published a non-zero rate (interest component)');
    const events = await fundingEvents();
    assert.deepEqual(events.map((e) => e.account).sort(), ['alice', 'bob'], 'one settlement per holder');
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
