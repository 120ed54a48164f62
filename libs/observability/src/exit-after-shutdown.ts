import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/**
 * After `enableShutdownHooks` has run every shutdown hook it re-raises the signal, so the process would end
 * "killed by SIGTERM" (exit 143), which k8s and supervisors count as a crash. Catching that re-raised
 * signal turns a completed graceful shutdown into exit code 0. A shutdown hook that throws still exits 1.
 */
@Injectable()
export class ExitAfterShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  onApplicationShutdown(signal?: string): void {
    if (!signal) return; // app.close() from code (tests): the caller owns the process.
    this.logger.log(`stopped cleanly on ${signal}`);
    process.once(signal, () => process.exit(0));
  }
}
