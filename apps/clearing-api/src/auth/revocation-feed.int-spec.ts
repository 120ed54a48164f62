import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKeyStore, CachedKeyAuthenticator, LiveApiKey } from '@clearing/access';
import { databaseUrlFromEnv } from '@clearing/config';
import { DatabaseFixture, eventually } from '@clearing/testing';
import { MIGRATIONS } from '../../../../migrations';
import { REVOCATION_FEED_APPLICATION, RevocationFeed } from './revocation-feed';

describe('RevocationFeed: cached API keys on real Postgres', () => {
  const database = new DatabaseFixture(MIGRATIONS);
  let store: ApiKeyStore;
  let reads = 0;
  let cache: CachedKeyAuthenticator;
  let feed: RevocationFeed;
  /** Resolves the next time the feed delivers a revocation to the cache. */
  let nextRevocationHeard: Promise<void>;

  before(async () => {
    store = new ApiKeyStore(await database.open());
    // Counts the key reads that reach Postgres: a cached key costs none.
    const counting = {
      findLive: (keyId: string): Promise<LiveApiKey | undefined> => (reads++, store.findLive(keyId)),
    };
    cache = new CachedKeyAuthenticator(counting);
    const revoked = cache.revoked.bind(cache);
    let heard = () => {};
    const expectRevocation = () => (nextRevocationHeard = new Promise<void>((resolve) => (heard = resolve)));
    expectRevocation();
    cache.revoked = (keyId) => (revoked(keyId), heard(), expectRevocation());
    // A slow reconnect keeps the feed down long enough for the test to act while it is.
    feed = new RevocationFeed(databaseUrlFromEnv(), cache, { firstDelayMs: 1_000, maxDelayMs: 2_000 });
    feed.onModuleInit();
  });
  after(async () => {
    await feed.onApplicationShutdown();
    await database.close();
  });

  /**
   * Presents the key twice; true when the second answer came from memory. Only the second call is counted:
   * the first may read Postgres or not, depending on whether an earlier attempt already cached the key, and
   * the cache may still answer in the moment between a killed connection and the feed noticing it.
   */
  async function servedFromMemory(token: string): Promise<boolean> {
    await cache.authenticate(token);
    const before = reads;
    await cache.authenticate(token);
    return reads === before;
  }

  it(
    'given a cached key, when it is revoked (admin API or CLI: the store), then the next request is refused',
    { timeout: 15_000 },
    async () => {
      const { token, record } = await store.create({ role: 'account', accountId: 'ACME', createdBy: 'test' });
      await eventually(async () => ((await servedFromMemory(token)) ? true : undefined), 10_000, 20);
      assert.equal(await store.revoke(record.keyId), true);
      await nextRevocationHeard;
      assert.equal(await cache.authenticate(token), undefined);
    },
  );

  it('given the feed connection killed, then keys are read from Postgres until it is back, and a revocation made meanwhile holds', async () => {
    const { token, record } = await store.create({ role: 'operator', createdBy: 'test' });
    await eventually(async () => ((await servedFromMemory(token)) ? true : undefined), 10_000, 20);
    await database.dataSource.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [REVOCATION_FEED_APPLICATION],
    );
    await eventually(async () => ((await servedFromMemory(token)) ? undefined : true), 10_000, 5);
    assert.equal(await store.revoke(record.keyId), true);
    assert.equal(await cache.authenticate(token), undefined, 'refused while the feed is down');
    const other = await store.create({ role: 'auditor', createdBy: 'test' });
    await eventually(async () => ((await servedFromMemory(other.token)) ? true : undefined), 10_000, 20);
    assert.equal(await cache.authenticate(token), undefined, 'the reconnected cache started empty');
  });
});
