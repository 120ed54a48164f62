import { setTimeout as sleep } from 'node:timers/promises';
import { verifyClearing, VerifyOptions, VerifyReport } from './verify-clearing';

/**
 * `clearing verify` once the projection has caught up with the journal (every journal event projected),
 * polling each second; after `timeoutMs` the last report is returned as it is, so its failing checks
 * say what never caught up.
 */
export async function verifyWhenCaughtUp(options: VerifyOptions, timeoutMs = 60_000): Promise<VerifyReport> {
  const deadlineMs = Date.now() + timeoutMs;
  for (;;) {
    const report = await verifyClearing(options);
    const { events, projectedEvents } = report.counts;
    if ((events > 0 && projectedEvents === events) || Date.now() >= deadlineMs) return report;
    await sleep(1_000);
  }
}
