/** How often a long wait inside a batch tells the group coordinator this member is alive. */
const HEARTBEAT_EVERY_MS = 1_000;

/**
 * Awaits `work` while heart-beating: kafkajs only heartbeats between batches or when asked, so a batch
 * that waits on a long restore (a journal re-read after a rebalance) would otherwise outlive the
 * session timeout, be expelled, rebalance, and restore again, forever.
 */
export async function heartbeatWhile<T>(work: Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
  const timer = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
