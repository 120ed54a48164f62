import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CheckResult, checkResult } from './check-result';

/** How long verify lets a projection that is merely busy reach the journal's end before calling it stalled. */
export const DEFAULT_CATCH_UP_MS = 15_000;
const POLL_MS = 250;

/**
 * Every projection of the journal (each consumer group with checkpoints for the topic) has consumed it up
 * to where verify read it: a lagging one gets `catchUpMs` to get there, a stalled one fails, named with its
 * partition and offset. A projection that stops on poison while its rows stay self-consistent is otherwise
 * invisible to the comparison with a fold of what it had consumed.
 */
export async function checkProjectionsCaughtUp(
  dataSource: DataSource,
  topic: string,
  journalEnds: ReadonlyMap<number, bigint>,
  catchUpMs = DEFAULT_CATCH_UP_MS,
): Promise<CheckResult> {
  const deadline = Date.now() + catchUpMs;
  let behind = await projectionsBehind(dataSource, topic, journalEnds);
  while (behind.length > 0 && Date.now() < deadline) {
    await sleep(POLL_MS);
    behind = await projectionsBehind(dataSource, topic, journalEnds);
  }
  return checkResult('projections-caught-up', behind);
}

async function projectionsBehind(
  dataSource: DataSource,
  topic: string,
  journalEnds: ReadonlyMap<number, bigint>,
): Promise<string[]> {
  const rows: { consumer_group: string; partition: number; next_offset: string }[] = await dataSource.query(
    'SELECT consumer_group, partition, next_offset::text AS next_offset FROM consumer_checkpoint WHERE topic = $1',
    [topic],
  );
  const groups = new Set(rows.map((r) => r.consumer_group));
  const at = new Map(rows.map((r) => [`${r.consumer_group}:${r.partition}`, BigInt(r.next_offset)]));
  const problems: string[] = [];
  for (const group of [...groups].sort())
    for (const [partition, end] of journalEnds) {
      const offset = at.get(`${group}:${partition}`) ?? 0n;
      if (offset < end)
        problems.push(`${group} partition ${partition} is at offset ${offset}, the journal ends at ${end}`);
    }
  return problems;
}
