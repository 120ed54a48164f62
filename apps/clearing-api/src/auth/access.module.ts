import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { ApiKeyStore } from '@clearing/access';
import { apiLimitsFromEnv } from '../http/api-limits';
import { AccountAccess } from './account-access';
import { ApiKeyGuard, isProbe } from './api-key.guard';
import { rateLimitTracker, RequestWithPrincipal } from './principal';

const ONE_MINUTE_MS = 60_000;

/**
 * Authentication, roles and rate limits for every route. Guard order matters: the rate limit runs first,
 * so a flood of bad keys is throttled before any key lookup reaches Postgres.
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
    AccountAccess,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeyStore, AccountAccess],
})
export class AccessModule {}
