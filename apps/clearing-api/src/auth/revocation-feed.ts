import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { API_KEY_REVOCATIONS_CHANNEL, CachedKeyAuthenticator } from '@clearing/access';
import { DEFAULT_RETRY_BACKOFF, RetryBackoff, retryDelayMs } from '@clearing/persistence';

/** Names the feed's connection in pg_stat_activity, per API process (an operator or a test finds it). */
export const REVOCATION_FEED_APPLICATION = `clearing-api-key-revocations:${process.pid}`;

/**
 * Hears key revocations (Postgres LISTEN on a dedicated connection; the revoking statement NOTIFYs, see
 * ApiKeyStore.revoke) and drops them from the key cache at once. pg's own Client is used because TypeORM
 * pools its connections and has no LISTEN API. While the connection is down the cache is switched off
 * (every request reads Postgres) and the feed reconnects with backoff; the cache is only switched back on
 * once LISTEN is acknowledged, starting empty.
 */
export class RevocationFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationFeed.name);
  private client?: Client;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly cache: CachedKeyAuthenticator,
    private readonly backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF,
  ) {}

  onModuleInit(): void {
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.cache.listening(false);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: REVOCATION_FEED_APPLICATION,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === API_KEY_REVOCATIONS_CHANNEL && message.payload)
        this.cache.revoked(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${API_KEY_REVOCATIONS_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.failures = 0;
    this.cache.listening(true);
    this.logger.log('listening for API key revocations: verified keys are cached');
  }

  /** Once per lost connection: stop trusting the cache, then try again later. */
  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.cache.listening(false);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.failures++;
    const delayMs = retryDelayMs(this.failures, this.backoff);
    const reason = error instanceof Error ? error.message : 'connection closed';
    this.logger.warn(`key revocation feed lost (${reason}): keys read from Postgres, retry in ${delayMs} ms`);
    this.retry = setTimeout(() => void this.connect(), delayMs);
  }
}
