import { execFile } from 'node:child_process';
import path from 'node:path';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { topicsFor } from '@clearing/contracts';
import { ProjectedBooks, readCommitted } from '@clearing/testing';
import { InfraEndpoints } from '../infra/endpoints';

/** The plain topic names: the private broker hosts one clearing system, no namespace. */
export type ChaosTopics = ReturnType<typeof topicsFor>;

const CLI_MAIN = path.resolve(__dirname, '../main.js');

/** The sum of a topic's partition high watermarks: it moves whenever anything is appended. */
async function highWatermarks(kafka: Kafka, topics: readonly string[]): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const sums = await Promise.all(
      topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + BigInt(p.high), 0n),
      ),
    );
    return sums.join('/');
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until nothing moves for `quietMs`: no topic of the ledger grows and no projection's checkpoint moves.
 * (High watermarks include transaction markers, so "caught up" cannot be read off the offsets; a quiet
 * system with every service ready is the end state, and the checks that follow say whether it is right.)
 */
export async function awaitQuietLedger(
  kafka: Kafka,
  dataSource: DataSource,
  topics: ChaosTopics,
  quietMs: number,
  timeoutMs: number,
): Promise<void> {
  const watched = [topics.fills, `${topics.fills}.dlq`, topics.ledgerCommands, topics.ledgerJournal];
  // Every projection's checkpoints too (margin calculator, deleveraging engine): one that still catches
  // up keeps the ledger from counting as quiet, so verify's projections-caught-up sees the end state.
  const snapshot = async () => {
    const [{ n }] = await dataSource.query('SELECT count(*)::text AS n FROM journal_index');
    const [{ c }] = await dataSource.query(
      'SELECT coalesce(sum(next_offset), 0)::text AS c FROM consumer_checkpoint',
    );
    return `${await highWatermarks(kafka, watched)} projected ${n} checkpoints ${c}`;
  };
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = await snapshot().catch((error: Error) => `unreadable: ${error.message}`);
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs && !now.startsWith('unreadable')) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the ledger did not settle within ${timeoutMs} ms (last: ${last})`);
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `clearing <args>` as an operator runs it, against the private infra. */
export function runClearingCli(args: readonly string[], endpoints: InfraEndpoints): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    DATABASE_URL: endpoints.databaseUrl,
  };
  // The private infra has the plain topic names and the public schema.
  delete env.DATABASE_SCHEMA;
  delete env.CLEARING_TOPIC_NAMESPACE;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      { env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The traders' USDC balances and positions as the aggregator projected them. */
export async function projectedBooks(dataSource: DataSource, accountPrefix: string): Promise<ProjectedBooks> {
  const like = `${accountPrefix}%`;
  const usdc = await dataSource.query(
    `SELECT account_id, amount::text AS amount FROM balances WHERE asset = 'USDC' AND account_id LIKE $1`,
    [like],
  );
  const positions = await dataSource.query(
    'SELECT account_id, instrument, quantity::text AS quantity FROM positions WHERE account_id LIKE $1',
    [like],
  );
  return { usdc, positions };
}

/** Command id -> how many WithdrawalApproved events the journal holds for it. */
export async function bookedWithdrawals(kafka: Kafka, journalTopic: string): Promise<Map<string, number>> {
  const booked = new Map<string, number>();
  for (const record of await readCommitted(kafka, journalTopic)) {
    const event = JSON.parse(String(record.value)) as { type: string; causationId?: string };
    if (event.type === 'WithdrawalApproved' && event.causationId !== undefined)
      booked.set(event.causationId, (booked.get(event.causationId) ?? 0) + 1);
  }
  return booked;
}
