import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { DLQ_HEADERS, FORWARDED_FROM_HEADER, SYSTEM_PARTITIONS } from '@clearing/contracts';
import { partitionOfKey } from '@clearing/kafka';
import { AggregatorFixture, depositMessage, eventually, readCommitted } from '@clearing/testing';

// Issue 11, finding 6: librdkafka's default partitioner (consistent_random: CRC32 of the key) is what
// kcat and the Go, Python, C# and Rust clients use; it disagrees with murmur2 for most keys.
const ACCOUNTS = Array.from({ length: 12 }, (_, i) => `acct-${i}`);
const BROKER = process.env.KAFKA_BROKERS?.split(',')[0] ?? '127.0.0.1:9092';

/** Publishes `key<TAB>value` lines with kcat, librdkafka's partitioner and all. */
function kcatProduce(topic: string, messages: readonly { key: string; value: string }[]): void {
  const lines = messages.map((m) => `${m.key}\t${m.value}`).join('\n');
  execFileSync('kcat', ['-P', '-b', BROKER, '-t', topic, '-K', '\t'], { input: `${lines}\n` });
}

/** One counter of the service's /metrics for a topic (summed over its other labels). */
async function counterOf(metricsUrl: string, name: string, topic: string): Promise<number> {
  const body = await (await fetch(metricsUrl)).text();
  const lines = body.split('\n').filter((l) => l.startsWith(`${name}{`) && l.includes(`topic="${topic}"`));
  return lines.reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/** The aggregator's own ClockTick commands share the topic (docs/ARCHITECTURE.md, Netting cycles). */
const isClockTick = (record: { value: Buffer | null }): boolean =>
  (JSON.parse(String(record.value)) as { type?: string }).type === 'ClockTick';

describe('a producer with any client’s default partitioner gets its commands applied (finding 6)', () => {
  // Cycles cut by count only: the writer's clock then sends one tick per partition at start and no more.
  const aggregator = new AggregatorFixture({ NETTING_CYCLE_MS: String(10 * 365 * 86_400_000) });
  let metricsUrl = '';
  before(async () => {
    await aggregator.open(ACCOUNTS);
    const run = await aggregator.start();
    metricsUrl = `${/listening on (http:\/\/[\w.:]+)/.exec(run.output())![1]}/metrics`;
  });
  after(() => aggregator.close());

  it('given one deposit per account sent twice with kcat, then each is booked once, the repeats are duplicates, and in = accepted + rejected + forwarded', async () => {
    const deposits = ACCOUNTS.map((account) => depositMessage(account, '100'));
    kcatProduce(aggregator.topics.ledgerCommands, [...deposits, ...deposits]);

    const commandsTopic = aggregator.topics.ledgerCommands;
    const sent = (await readCommitted(aggregator.kafka.kafka, commandsTopic)).filter(
      (r) => r.headers?.[FORWARDED_FROM_HEADER] === undefined && !isClockTick(r),
    );
    const misplaced = sent.filter(
      (r) => r.partition !== partitionOfKey(r.key!.toString(), SYSTEM_PARTITIONS),
    );
    assert.ok(misplaced.length >= 4, `kcat put only ${misplaced.length} of ${sent.length} off their owner`);

    const balances = await eventually(async () => {
      const rows = await aggregator.query<{ account_id: string; amount: string }>(
        `SELECT account_id, amount::text FROM balances WHERE asset = 'USDC' AND account_id LIKE 'acct-%' ORDER BY account_id`,
      );
      return rows.length === ACCOUNTS.length ? rows : undefined;
    }, 60_000);
    assert.deepEqual(
      balances.map((b) => Number(b.amount)),
      ACCOUNTS.map(() => 100),
    );
    const letters = await eventually(async () => {
      const all = await readCommitted(aggregator.kafka.kafka, `${commandsTopic}.dlq`);
      return all.length >= ACCOUNTS.length ? all : undefined;
    });
    assert.equal(letters.length, ACCOUNTS.length, 'each repeat dead-lettered once');
    for (const letter of letters) assert.match(String(letter.headers![DLQ_HEADERS.reason]), /duplicate/);

    const ticks = async () =>
      (await readCommitted(aggregator.kafka.kafka, commandsTopic)).filter(isClockTick).length;
    const forwards =
      (await readCommitted(aggregator.kafka.kafka, commandsTopic)).length - sent.length - (await ticks());
    assert.equal(forwards, misplaced.length, 'each misplaced command forwarded exactly once');
    await eventually(async () => {
      const consumed = await counterOf(metricsUrl, 'clearing_messages_consumed_total', commandsTopic);
      const forwarded = await counterOf(metricsUrl, 'clearing_messages_forwarded_total', commandsTopic);
      const rejected = await counterOf(metricsUrl, 'clearing_messages_dead_lettered_total', commandsTopic);
      // Each account's opening (by the fixture, murmur2-keyed) and its first deposit, and the writer's own
      // clock ticks: each decided by its shard, none refused.
      const accepted = ACCOUNTS.length * 2 + (await ticks());
      if (consumed < sent.length + forwards) return undefined;
      assert.deepEqual(
        [consumed, forwarded, rejected],
        [accepted + rejected + forwards, forwards, ACCOUNTS.length],
      );
      return true;
    });
  });
});
