// Test support: what became of each record the hostile-input suite published, looked up by where it was
// consumed from (partition and offset), the one coordinate every refusal and every journal event keeps.
import { Kafka } from 'kafkajs';
import { DLQ_HEADERS, dlqTopicOf, FORWARDED_FROM_HEADER } from '@clearing/contracts';
import { JournalEventWire } from '@clearing/ledger';
import { readCommitted } from '@clearing/testing';
import { EXPECT_HEADER, Expectation, LABEL_HEADER } from './hostile-traffic';

export interface Published {
  readonly at: string;
  readonly expect: Expectation;
  readonly label: string;
  readonly value: Buffer | null;
}

/** `applied`, or refused with the reason a dead letter header or a journaled rejection gives. */
export type Fate = { applied: true } | { refused: string };

const at = (partition: number | string, offset: string) => `${partition}@${offset}`;

/**
 * The suite's own records on `topic` (others, like the aggregator's fill legs, carry no expectation). A
 * command the writer forwarded to its owning partition is decided there: its `at` is the forwarded copy's
 * position, where its journal event or dead letter points, and the copy is not listed again.
 */
export async function publishedOn(kafka: Kafka, topic: string): Promise<Published[]> {
  const records = (await readCommitted(kafka, topic)).filter((r) => r.headers[EXPECT_HEADER] !== undefined);
  const copies = new Map<string, string>();
  for (const r of records) {
    const from = r.headers[FORWARDED_FROM_HEADER];
    const origin = from === undefined ? undefined : /\[(\d+)\]@(\d+)$/.exec(String(from));
    if (origin) copies.set(at(origin[1], origin[2]), at(r.partition, r.offset));
  }
  return records
    .filter((r) => r.headers[FORWARDED_FROM_HEADER] === undefined)
    .map((r) => ({
      at: copies.get(at(r.partition, r.offset)) ?? at(r.partition, r.offset),
      expect: String(r.headers[EXPECT_HEADER]) as Expectation,
      label: String(r.headers[LABEL_HEADER]),
      value: r.value,
    }));
}

/** Dead letters of `topic` by the position of the record they refuse: reason, or `''` when none was given. */
export async function deadLettersOf(kafka: Kafka, topic: string): Promise<Map<string, string>> {
  const letters = await readCommitted(kafka, dlqTopicOf(topic));
  const byPosition = new Map<string, string>();
  for (const letter of letters) {
    const position = at(
      String(letter.headers[DLQ_HEADERS.sourcePartition]),
      String(letter.headers[DLQ_HEADERS.sourceOffset]),
    );
    if (byPosition.has(position)) throw new Error(`two dead letters for ${topic} ${position}`);
    byPosition.set(position, String(letter.headers[DLQ_HEADERS.reason] ?? ''));
  }
  return byPosition;
}

export async function journalOf(kafka: Kafka, topic: string): Promise<JournalEventWire[]> {
  return (await readCommitted(kafka, topic)).map((r) => JSON.parse(r.value!.toString()) as JournalEventWire);
}

/**
 * Positions of the aggregator's own shard commands on `topic` (clock ticks, funding periods, expiries):
 * each is decided by a whole shard, into no journal event (a tick with nothing due) or several (one per
 * holder), so the one-record-one-fate accounting counts them apart.
 */
export async function shardCommandsOn(kafka: Kafka, topic: string): Promise<Set<string>> {
  const shardTypes = new Set(['ClockTick', 'InstrumentFunding', 'InstrumentExpiry']);
  const records = await readCommitted(kafka, topic);
  const typeOf = (value: Buffer | null): unknown => {
    try {
      return (JSON.parse(String(value)) as { type?: unknown }).type;
    } catch {
      return undefined;
    }
  };
  return new Set(
    records
      .filter((r) => r.headers[EXPECT_HEADER] === undefined && shardTypes.has(String(typeOf(r.value))))
      .map((r) => at(r.partition, r.offset)),
  );
}

/**
 * Journal events caused by a record of `commandsTopic`, by its position: booked, or refused with a reason.
 * Events of the `shardCommands` positions are left out (see shardCommandsOn).
 */
export function commandFates(
  journal: readonly JournalEventWire[],
  commandsTopic: string,
  shardCommands: ReadonlySet<string> = new Set(),
): Map<string, Fate> {
  const fates = new Map<string, Fate>();
  for (const event of journal.filter((e) => e.source?.topic === commandsTopic)) {
    const position = at(event.source!.partition, event.source!.offset);
    if (shardCommands.has(position)) continue;
    if (fates.has(position)) throw new Error(`two journal events for command ${position}`);
    const refused = /Rejected$/.test(event.type);
    fates.set(position, refused ? { refused: String(event.payload.reason ?? '') } : { applied: true });
  }
  return fates;
}

/**
 * Every published record must have exactly one fate that matches what it is: valid ones applied, hostile
 * ones refused with a non-empty reason. Returns what does not hold, one line per record.
 */
export function wrongFates(published: readonly Published[], fateOf: (record: Published) => Fate[]): string[] {
  return published.flatMap((record) => {
    const fates = fateOf(record);
    const why = `${record.expect} ${record.label} at ${record.at}`;
    if (fates.length !== 1) return [`${why}: ${fates.length} fates ${JSON.stringify(fates)}`];
    const [fate] = fates;
    if (record.expect === 'valid' && !('applied' in fate)) return [`${why}: refused (${fate.refused})`];
    if (record.expect === 'hostile' && !('refused' in fate)) return [`${why}: applied`];
    if ('refused' in fate && fate.refused.length === 0) return [`${why}: refused without a reason`];
    return [];
  });
}

/** Per label, how many records were applied and refused, and one reason each: for the test's diagnostics. */
export function fateSummary(
  published: readonly Published[],
  fateOf: (record: Published) => Fate[],
): string[] {
  const byLabel = new Map<string, { applied: number; refused: number; reason: string }>();
  for (const record of published) {
    const entry = byLabel.get(record.label) ?? { applied: 0, refused: 0, reason: '' };
    for (const fate of fateOf(record)) {
      if ('applied' in fate) entry.applied++;
      else [entry.refused, entry.reason] = [entry.refused + 1, fate.refused.slice(0, 90)];
    }
    byLabel.set(record.label, entry);
  }
  return [...byLabel]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([label, e]) =>
        `${label}: ${e.applied} applied, ${e.refused} refused${e.reason ? ` (${e.reason})` : ''}`,
    );
}
