import { BatchConsumer } from '@clearing/kafka';

/**
 * The shared main() of a crash-test worker: start the loop, announce it, stop cleanly on SIGTERM (the
 * final run of a crash test), and exit non-zero with the reason if the loop cannot start.
 */
export function runWorker(start: () => Promise<{ loop: BatchConsumer; close?: () => Promise<void> }>): void {
  start()
    .then(({ loop, close }) => {
      process.on('SIGTERM', () => {
        void loop
          .stop()
          .then(() => close?.())
          .then(() => process.exit(0));
      });
      return loop.start();
    })
    .then(() => process.stdout.write('worker started\n'))
    .catch((error) => {
      process.stderr.write(`worker failed: ${String(error)}\n`);
      process.exit(1);
    });
}

/** Crash-test consumer settings: quick recovery after SIGKILL, and many small transactions to kill. */
export const CRASH_TEST_LOOP_SETTINGS = {
  // The broker's minimum: a SIGKILLed worker's partitions come back after 6 s, not 30.
  sessionTimeoutMs: 6_000,
  // Small batches (about a hundred messages) so a kill lands inside many different transactions.
  maxBytesPerPartition: 8_192,
} as const;
