import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { ApiKeyStore, CachedKeyAuthenticator } from '@clearing/access';
import { CLEARING_CONFIG, ClearingConfig } from '@clearing/config';
import { apiLimitsFromEnv } from '../http/api-limits';
import { AccountAccess } from './account-access';
import { ApiKeyGuard, isProbe } from './api-key.guard';
import { rateLimitTracker, RequestWithPrincipal } from './principal';
import { RevocationFeed } from './revocation-feed';

const ONE_MINUTE_MS = 60_000;

/**
 * Authentication, roles and rate limits for every route. Guard order matters: the rate limit runs first,
 * so a flood of bad keys is throttled before any key lookup reaches Postgres. Verified keys are cached
 * while the revocation feed is heard (RevocationFeed), so a known key costs no Postgres round trip.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      useFactory: () => ({
        throttlers: [{ ttl: ONE_MINUTE_MS, limit: apiLimitsFromEnv(process.env).requestsPerMinute }],
        getTracker: (request) => rateLimitTracker(request as RequestWithPrincipal),
        skipIf: isProbe,
      }),
    }),
  ],
  providers: [
    { provide: ApiKeyStore, inject: [DataSource], useFactory: (db: DataSource) => new ApiKeyStore(db) },
    {
      provide: CachedKeyAuthenticator,
      inject: [ApiKeyStore],
      useFactory: (store: ApiKeyStore) => new CachedKeyAuthenticator(store),
    },
    {
      provide: RevocationFeed,
      inject: [CLEARING_CONFIG, CachedKeyAuthenticator],
      useFactory: (config: ClearingConfig, keys: CachedKeyAuthenticator) =>
        new RevocationFeed(config.databaseUrl, keys),
    },
    AccountAccess,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeyStore, AccountAccess],
})
export class AccessModule {}
