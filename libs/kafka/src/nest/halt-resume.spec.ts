import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resumeRequest, Resumable } from './halt-resume';

const SECRET = 's'.repeat(32);
const haltedOn = (halted: string[]): Resumable & { resumed: string[] } => {
  const resumed: string[] = [];
  return {
    resumed,
    resumeHalted: async (topic, partition) => {
      const key = `${topic}:${partition}`;
      if (!halted.includes(key)) return false;
      resumed.push(key);
      return true;
    },
  };
};
const request = (query: Record<string, unknown>, credential: string | null = SECRET) => ({
  headers: credential === null ? {} : { 'x-clearing-service-credential': credential },
  query,
});

describe('resuming a halted partition on a service', () => {
  it('given the journal partition 3 halted on the second loop, when resumed with the credential, then that loop resumes it', async () => {
    const loops = [haltedOn([]), haltedOn(['ledger.journal.v1:3'])];
    const answer = await resumeRequest(
      loops,
      SECRET,
      request({ topic: 'ledger.journal.v1', partition: '3' }),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(loops[1].resumed, ['ledger.journal.v1:3']);
  });

  it('given no credential or a wrong one, then 401 and nothing is resumed', async () => {
    const loop = haltedOn(['t:0']);
    for (const credential of [null, 'wrong'])
      assert.equal(
        (await resumeRequest([loop], SECRET, request({ topic: 't', partition: '0' }, credential))).status,
        401,
      );
    assert.deepEqual(loop.resumed, []);
  });

  it('given a malformed partition or no topic, then 400; a partition not halted here, then 404', async () => {
    const loop = haltedOn(['t:0']);
    for (const query of [
      { topic: 't', partition: '-1' },
      { topic: 't', partition: '1e3' },
      { partition: '0' },
    ])
      assert.equal((await resumeRequest([loop], SECRET, request(query))).status, 400, JSON.stringify(query));
    assert.equal((await resumeRequest([loop], SECRET, request({ topic: 't', partition: '1' }))).status, 404);
  });
});
