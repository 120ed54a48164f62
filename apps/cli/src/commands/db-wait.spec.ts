import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitForSchema } from './db-wait';

describe('clearing db wait', () => {
  it('given a database that never answers, when waiting, then it gives up at the timeout with false instead of throwing', async () => {
    const startedMs = Date.now();
    // Port 1 on loopback refuses at once: every poll fails to connect, as while Postgres is starting.
    const current = await waitForSchema('postgres://postgres@127.0.0.1:1/clearing', undefined, 3_000);
    const elapsedMs = Date.now() - startedMs;
    assert.equal(current, false);
    assert.ok(elapsedMs >= 2_000 && elapsedMs < 6_000, `${elapsedMs} ms`);
  });
});
