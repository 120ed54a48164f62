import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { issueApiKey, IssuedApiKey } from './api-key';
import { LiveApiKey } from './api-key-store';
import { CachedKeyAuthenticator, LiveKeySource } from './cached-key-authenticator';

/** The api_keys table in memory, counting reads, so a test sees whether the cache answered. */
class FakeKeyTable implements LiveKeySource {
  readonly live = new Map<string, LiveApiKey>();
  reads = 0;
  /** When set, the next read answers only once this promise resolves (a slow Postgres). */
  gate?: Promise<void>;

  issue(): IssuedApiKey {
    const issued = issueApiKey();
    this.live.set(issued.keyId, {
      principal: { keyId: issued.keyId, role: 'account', accountId: 'ACME' },
      secretSha256: issued.secretSha256,
    });
    return issued;
  }

  async findLive(keyId: string): Promise<LiveApiKey | undefined> {
    this.reads++;
    const key = this.live.get(keyId);
    await this.gate;
    return key;
  }
}

function listeningCache(): { table: FakeKeyTable; cache: CachedKeyAuthenticator } {
  const table = new FakeKeyTable();
  const cache = new CachedKeyAuthenticator(table);
  cache.listening(true);
  return { table, cache };
}

describe('CachedKeyAuthenticator', () => {
  it('given a verified key and the revocation feed heard, when presented again, then no read reaches the store', async () => {
    const { table, cache } = listeningCache();
    const key = table.issue();
    assert.equal((await cache.authenticate(key.token))?.accountId, 'ACME');
    assert.equal((await cache.authenticate(key.token))?.accountId, 'ACME');
    assert.equal(table.reads, 1);
  });

  it('given a cached key, when its revocation is heard, then the very next request is refused', async () => {
    const { table, cache } = listeningCache();
    const key = table.issue();
    await cache.authenticate(key.token);
    table.live.delete(key.keyId);
    cache.revoked(key.keyId);
    assert.equal(await cache.authenticate(key.token), undefined);
  });

  it('given a cached key id, when presented with a wrong secret, then it is refused', async () => {
    const { table, cache } = listeningCache();
    const key = table.issue();
    await cache.authenticate(key.token);
    const forged = `ck_${key.keyId}_${'B'.repeat(43)}`;
    assert.equal(await cache.authenticate(forged), undefined);
  });

  it('given the revocation feed lost, when a cached key is revoked unheard, then it is refused: the store answers', async () => {
    const { table, cache } = listeningCache();
    const key = table.issue();
    await cache.authenticate(key.token);
    cache.listening(false);
    table.live.delete(key.keyId);
    assert.equal(await cache.authenticate(key.token), undefined);
  });

  it('given the feed is down, when the same key calls twice, then both calls read the store (bypass)', async () => {
    const table = new FakeKeyTable();
    const cache = new CachedKeyAuthenticator(table);
    const key = table.issue();
    await cache.authenticate(key.token);
    await cache.authenticate(key.token);
    assert.equal(table.reads, 2);
  });

  it('given a read in flight when the revocation is heard, then the stale answer is not cached', async () => {
    const { table, cache } = listeningCache();
    const key = table.issue();
    let answer!: () => void;
    table.gate = new Promise((resolve) => (answer = resolve));
    const inFlight = cache.authenticate(key.token);
    table.live.delete(key.keyId);
    cache.revoked(key.keyId);
    answer();
    await inFlight;
    table.gate = undefined;
    assert.equal(await cache.authenticate(key.token), undefined);
  });

  it('given more live keys than the bound, then the oldest is dropped and read again when presented', async () => {
    const table = new FakeKeyTable();
    const cache = new CachedKeyAuthenticator(table, 2);
    cache.listening(true);
    const [first, second, third] = [table.issue(), table.issue(), table.issue()];
    for (const key of [first, second, third]) await cache.authenticate(key.token);
    await cache.authenticate(third.token);
    assert.equal(table.reads, 3);
    await cache.authenticate(first.token);
    assert.equal(table.reads, 4);
  });
});
