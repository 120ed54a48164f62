import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseFixture, eventually } from '@clearing/testing';
import { MIGRATIONS } from '../../../../migrations';
import { claimFills, ClaimRequest } from './fill-claims';

const TOPIC = 'fills.v1';
const claim = (fillId: string, fillHash: string, partition: number, offset: string): ClaimRequest => ({
  fillId,
  fillHash,
  partition,
  offset,
});

describe('claimFills (Postgres)', () => {
  const database = new DatabaseFixture(MIGRATIONS);
  before(() => database.open());
  after(() => database.close());

  it('owns a first sight and its own retry; the same fill from another record is a duplicate or a conflict', async () => {
    const { dataSource } = database;
    assert.deepEqual(
      await claimFills(dataSource, TOPIC, [claim('f1', 'h1', 0, '10'), claim('f1', 'h1', 2, '7')]),
      [{ kind: 'mine' }, { kind: 'duplicate', firstSeenAt: 'fills.v1[0]@10' }],
    );
    const again = await claimFills(dataSource, TOPIC, [
      claim('f1', 'h1', 0, '10'),
      claim('f1', 'h1', 1, '3'),
      claim('f1', 'other', 1, '4'),
      claim('f2', 'h2', 1, '5'),
    ]);
    assert.deepEqual(again, [
      { kind: 'mine' },
      { kind: 'duplicate', firstSeenAt: 'fills.v1[0]@10' },
      { kind: 'conflict', firstSeenAt: 'fills.v1[0]@10' },
      { kind: 'mine' },
    ]);
  });

  it('reads a claim another instance committed while this batch waited for it', async () => {
    const { dataSource } = database;
    const rival = dataSource.createQueryRunner();
    await rival.connect();
    try {
      await rival.startTransaction();
      await rival.query(
        `INSERT INTO fill_claims (fill_id, fill_hash, source_topic, source_partition, source_offset)
         VALUES ('raced', 'h', $1, 4, 40)`,
        [TOPIC],
      );
      const [{ pid }] = await rival.query('SELECT pg_backend_pid() AS pid');
      const verdicts = claimFills(dataSource, TOPIC, [
        claim('raced', 'h', 0, '1'),
        claim('free', 'h', 0, '2'),
      ]);
      // The batch's statement has taken its snapshot and waits on the rival's uncommitted row.
      await eventually(async () => {
        const [{ waiting }] = await dataSource.query(
          'SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [pid],
        );
        return waiting > 0 ? true : undefined;
      }, 10_000);
      await rival.commitTransaction();
      assert.deepEqual(await verdicts, [
        { kind: 'duplicate', firstSeenAt: 'fills.v1[4]@40' },
        { kind: 'mine' },
      ]);
    } finally {
      await rival.release();
    }
  });
});
