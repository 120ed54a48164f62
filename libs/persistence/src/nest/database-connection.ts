import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseReadinessCheck, ReadinessCheck } from '@clearing/observability';

export interface RetryBackoff {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { firstDelayMs: 500, maxDelayMs: 30_000 };

/** Doubles per consecutive failure from `firstDelayMs`, never above `maxDelayMs`. */
export function retryDelayMs(failures: number, backoff: RetryBackoff): number {
  return Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Owns the service's DataSource lifecycle. Connecting happens in the background so a service boots and
 * answers probes (not ready) while Postgres is down, instead of crash-looping; k8s routes no traffic to it
 * until the readiness check is up.
 */
export class DatabaseConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private failures = 0;
  private connecting = false;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    readonly dataSource: DataSource,
    private readonly backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF,
  ) {}

  /** Down until the DataSource is initialized, then down while `SELECT 1` fails. */
  readinessCheck(): ReadinessCheck {
    const selectOne = databaseReadinessCheck(this.dataSource);
    return async () =>
      this.dataSource.isInitialized ? selectOne() : { up: false, detail: { error: 'not connected yet' } };
  }

  onModuleInit(): void {
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    // An attempt still in flight destroys what it opened itself (see connect): awaiting it here could
    // hold shutdown for a whole TCP connect timeout.
    if (!this.connecting && this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    try {
      await this.dataSource.initialize();
    } catch (error) {
      this.connecting = false;
      return this.scheduleRetry(error);
    }
    this.connecting = false;
    if (this.stopped) return this.dataSource.destroy();
    this.logger.log(this.failures > 0 ? `connected after ${this.failures} failed attempts` : 'connected');
    this.failures = 0;
  }

  private scheduleRetry(error: unknown): void {
    this.failures += 1;
    // Once per outage: the readiness probe already reports the current error on every call.
    if (this.failures === 1) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Postgres unreachable, retrying in the background: ${reason}`);
    }
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.connect(), retryDelayMs(this.failures, this.backoff));
    // The HTTP server keeps the process alive; a pending retry alone must not.
    this.retryTimer.unref();
  }
}
