import { LoopStatus } from '../batch-consumer';

/**
 * Readiness of a consume loop for /health/ready: joined its group and no partition halted. A halted
 * partition makes the instance unready on purpose: the ledger needs a person, not more traffic.
 */
export function loopReadinessCheck(status: () => LoopStatus) {
  return async () => {
    const current = status();
    return { up: current.joined && current.haltedPartitions.length === 0, detail: { ...current } };
  };
}
