import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  AcknowledgedLoad,
  compareBooks,
  foldAcknowledged,
  readCommitted,
  reconcileWithdrawals,
  StreamInstrument,
} from '@clearing/testing';
import { InfraEndpoints } from '../infra/endpoints';
import { bookedWithdrawals, ChaosTopics, projectedBooks, runClearingCli } from './settled-system';

const SHOWN_PER_CHECK = 8;

function excerpt(label: string, problems: readonly string[]): string[] {
  if (problems.length === 0) return [];
  const more = problems.length > SHOWN_PER_CHECK ? ` (+${problems.length - SHOWN_PER_CHECK} more)` : '';
  return [
    `${label}: ${problems.length} problem(s)${more}\n    ${problems.slice(0, SHOWN_PER_CHECK).join('\n    ')}`,
  ];
}

/** `clearing verify --json` must pass every check (zero-sum, CCP flat, both legs, no sequence gap, ...). */
export async function verifyFindings(endpoints: InfraEndpoints): Promise<string[]> {
  const run = await runClearingCli(['verify', '--json'], endpoints);
  let report: {
    checks: { name: string; ok: boolean; problems: number; details: unknown[] }[];
    counts: { events: number; projectedEvents: number };
  };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return [`clearing verify exited ${run.code} without a JSON report:\n${run.stderr.slice(-2000)}`];
  }
  const failed = report.checks.filter((c) => !c.ok);
  const lines = failed.map(
    (c) => `${c.name}: ${c.problems} problem(s), e.g. ${JSON.stringify(c.details.slice(0, 3))}`,
  );
  if (run.code !== 0 && failed.length === 0) lines.push(`exit ${run.code}: ${run.stderr.slice(-1000)}`);
  // verify compares the projection at its own checkpoint; settled, that checkpoint must be the journal's end.
  const { events, projectedEvents } = report.counts;
  if (projectedEvents !== events)
    lines.push(`projection covers ${projectedEvents} of ${events} journal events`);
  return excerpt('clearing verify', lines);
}

/** `clearing replay` must rebuild exactly the live projection from the journal. */
export async function replayFindings(endpoints: InfraEndpoints): Promise<string[]> {
  const run = await runClearingCli(['replay'], endpoints);
  if (run.code === 0) return [];
  // A failed insert prints every parameter of the query: the last lines say what went wrong.
  const tail = (text: string) =>
    text
      .trim()
      .split('\n')
      .slice(-4)
      .map((l) => l.slice(0, 300));
  return [
    `clearing replay exited ${run.code}:\n    ${[...tail(run.stdout), ...tail(run.stderr)].join('\n    ')}`,
  ];
}

/**
 * Fills: every acknowledged fill is booked with both legs and nothing else is; in = accepted + rejected
 * over everything on fills.v1 (a retried send may have published a fill twice: the copy is a dead letter).
 */
export async function fillFindings(
  kafka: Kafka,
  dataSource: DataSource,
  topics: ChaosTopics,
  ack: AcknowledgedLoad,
): Promise<string[]> {
  const legs: { fill_id: string; legs: number }[] = await dataSource.query(
    'SELECT fill_id, count(*)::int AS legs FROM fill_legs GROUP BY fill_id',
  );
  const legsOf = new Map(legs.map((row) => [row.fill_id, row.legs]));
  const problems: string[] = [];
  for (const id of ack.fills.keys())
    if (legsOf.get(id) !== 2) problems.push(`fill ${id}: ${legsOf.get(id) ?? 0} of 2 legs booked`);
  for (const id of legsOf.keys())
    if (!ack.fills.has(id)) problems.push(`fill ${id}: booked, never acknowledged`);
  const [{ claims }] = await dataSource.query('SELECT count(*)::int AS claims FROM fill_claims');
  const published = (await readCommitted(kafka, topics.fills)).length;
  const deadLetters = (await readCommitted(kafka, `${topics.fills}.dlq`)).length;
  if (published !== claims + deadLetters)
    problems.push(`fills.v1 holds ${published}, but ${claims} claimed + ${deadLetters} dead letters`);
  return excerpt('fills', problems);
}

/** Every trader's USDC and positions equal the independent fold of what the load got acknowledged. */
export async function bookFindings(
  kafka: Kafka,
  dataSource: DataSource,
  topics: ChaosTopics,
  ack: AcknowledgedLoad,
  instruments: readonly StreamInstrument[],
  accountPrefix: string,
): Promise<string[]> {
  const withdrawals = reconcileWithdrawals(
    ack.withdrawals,
    await bookedWithdrawals(kafka, topics.ledgerJournal),
  );
  const expected = foldAcknowledged(ack, instruments, withdrawals.booked);
  const books = compareBooks(expected, await projectedBooks(dataSource, accountPrefix), instruments);
  return [...excerpt('withdrawals', withdrawals.problems), ...excerpt('books vs fold', books)];
}
