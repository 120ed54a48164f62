import { parseApiKey, secretMatches } from './api-key';
import { LiveApiKey } from './api-key-store';
import { Principal } from './roles';

/** Where live keys come from when the cache cannot answer: the ApiKeyStore. */
export interface LiveKeySource {
  findLive(keyId: string): Promise<LiveApiKey | undefined>;
}

/**
 * Authenticates API keys from an in-memory copy of the live keys, so a request needs no Postgres round
 * trip. Safe only while the revocation feed is heard: the owner calls `listening(true)` once LISTEN is
 * acknowledged and `listening(false)` the moment the feed connection is lost; in between every key is read
 * from the store (bypass), and regaining the feed starts from an empty cache, since revocations sent
 * while nobody listened are lost. The secret is checked on every request against the stored hash, so a
 * cached key id with a wrong secret is refused like at the store.
 */
export class CachedKeyAuthenticator {
  private readonly keys = new Map<string, LiveApiKey>();
  private live = false;
  /**
   * Bumped by every invalidation: a lookup that started before a revocation was heard may have read the
   * key while it was still live, and must not put it back into the cache.
   */
  private generation = 0;

  constructor(
    private readonly source: LiveKeySource,
    private readonly maxKeys = 10_000,
  ) {}

  async authenticate(token: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(token);
    if (!parsed) return undefined;
    const key = this.keys.get(parsed.keyId) ?? (await this.load(parsed.keyId));
    return key && secretMatches(parsed.secret, key.secretSha256) ? key.principal : undefined;
  }

  /** A revocation was heard: forget the key at once. */
  revoked(keyId: string): void {
    this.generation++;
    this.keys.delete(keyId);
  }

  /** Whether the revocation feed is heard; either change empties the cache. */
  listening(heard: boolean): void {
    this.generation++;
    this.keys.clear();
    this.live = heard;
  }

  private async load(keyId: string): Promise<LiveApiKey | undefined> {
    const readAt = this.generation;
    const key = await this.source.findLive(keyId);
    if (key && this.live && readAt === this.generation) {
      // Bounded: a flood of distinct live keys cannot grow memory; the oldest entry goes first.
      if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
      this.keys.set(keyId, key);
    }
    return key;
  }
}
