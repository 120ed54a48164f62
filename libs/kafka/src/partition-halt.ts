/**
 * Thrown by a handler when a ledger invariant is broken inside the partition it is processing (an
 * unbalanced event, a sequence gap). The loop never skips past it: it pauses that partition, flags it
 * in metrics and readiness, and leaves the offset uncommitted so a fixed build resumes right there.
 */
export class PartitionHaltError extends Error {
  override readonly name = 'PartitionHaltError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Domain libs cannot import this class, so their invariant errors are recognised by name. */
const HALTING_ERROR_NAMES = new Set(['PartitionHaltError', 'SequenceGapError', 'LedgerInvariantError']);

export function isPartitionHalt(error: unknown): error is Error {
  return error instanceof Error && HALTING_ERROR_NAMES.has(error.name);
}

export type LoopLog = (level: 'info' | 'error', message: string, detail?: Record<string, unknown>) => void;

interface HaltRecord {
  readonly topic: string;
  readonly partition: number;
  /** The error's name: a small closed set, so it can label the metric. */
  readonly reason: string;
  readonly message: string;
  readonly sinceMs: number;
}

/** How often a halted partition is logged again: loud enough to be seen, never once per retry. */
const REMINDER_INTERVAL_MS = 60_000;

/**
 * The partitions a consume loop has halted. It outlives the loop's kafkajs consumer: a loop that is
 * restarted (a crashed consumer, a broker restart) keeps them halted, so only an operator resumes one,
 * after a fix: by restarting the service, or through the transport's `resumeHalted` (the clearing API's
 * admin endpoint). Either way the offset was never committed past the bad batch, so it is read again.
 */
export class PartitionHalts {
  private readonly records = new Map<string, HaltRecord>();
  private reminder?: NodeJS.Timeout;

  constructor(private readonly log?: LoopLog) {}

  /** Records the halt; false when the partition was halted already (nothing new to report). */
  add(topic: string, partition: number, error: Error): boolean {
    const key = `${topic}:${partition}`;
    if (this.records.has(key)) return false;
    this.records.set(key, {
      topic,
      partition,
      reason: error.name,
      message: error.message,
      sinceMs: Date.now(),
    });
    this.reminder ??= setInterval(() => this.remind(), REMINDER_INTERVAL_MS).unref();
    return true;
  }

  /** Forgets a halt (an operator resumes it); the reason it had, or undefined when it was not halted. */
  remove(topic: string, partition: number): string | undefined {
    const key = `${topic}:${partition}`;
    const record = this.records.get(key);
    this.records.delete(key);
    return record?.reason;
  }

  has(topic: string, partition: number): boolean {
    return this.records.has(`${topic}:${partition}`);
  }

  keys(): string[] {
    return [...this.records.keys()].sort();
  }

  close(): void {
    clearInterval(this.reminder);
    this.reminder = undefined;
  }

  private remind(): void {
    for (const record of this.records.values())
      this.log?.('error', 'partition still halted: a ledger invariant is broken, an operator must act', {
        ...record,
        haltedForMs: Date.now() - record.sinceMs,
      });
  }
}
