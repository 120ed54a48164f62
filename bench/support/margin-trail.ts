import { KafkaMessage } from 'kafkajs';
import { MarginV1 } from '@clearing/contracts';

/** One margin.v1 message as a downstream consumer saw it. */
export interface MarginSeen {
  readonly journalSequence: number;
  readonly computedAtMs: number;
  readonly receivedAtMs: number;
  readonly cause: MarginV1['cause'];
  readonly priced: boolean;
}

/** Every margin.v1 message, per account in arrival order (one partition per account: sequences ascend). */
export class MarginTrail {
  private readonly byAccount = new Map<string, MarginSeen[]>();
  private readonly counts = { journal: 0, mark: 0, unpriced: 0 };

  readonly onRecord = (message: KafkaMessage, receivedAtMs: number): void => {
    const margin = JSON.parse(message.value!.toString()) as MarginV1;
    const seen: MarginSeen = {
      journalSequence: margin.journalSequence,
      computedAtMs: Date.parse(margin.computedAt),
      receivedAtMs,
      cause: margin.cause,
      priced: margin.kind === 'account-margin',
    };
    const trail = this.byAccount.get(margin.account) ?? [];
    trail.push(seen);
    this.byAccount.set(margin.account, trail);
    this.counts[margin.cause]++;
    if (!seen.priced) this.counts.unpriced++;
  };

  /** Messages so far: by cause, and how many said the account could not be priced. */
  tally(): { journal: number; mark: number; unpriced: number } {
    return { ...this.counts };
  }

  /** The newest journal sequence published for `account`, 0 before any. */
  latestSequence(account: string): number {
    const trail = this.byAccount.get(account);
    return trail ? trail[trail.length - 1].journalSequence : 0;
  }

  /** The first message of `account` whose figures include its journal event `sequence`. */
  firstIncluding(account: string, sequence: number): MarginSeen | undefined {
    return this.byAccount.get(account)?.find((m) => m.journalSequence >= sequence);
  }
}
