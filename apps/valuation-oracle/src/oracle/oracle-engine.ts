import { encodeMessage, MarkV1, markKeyOf, OraclePriceV1, TOPICS } from '@clearing/contracts';
import { ConsumedMessage, OutboundMessage } from '@clearing/kafka';
import {
  EMPTY_ORACLE_STATE,
  evolve,
  indexToWire,
  instrumentMarkToWire,
  markUnderlying,
  observationFromWire,
  OracleConfig,
  OracleState,
  redemptionToWire,
  Rejection,
  Settlement,
  settlementToWire,
} from '@clearing/valuation';

/** The fold of one input partition, and where in the partition it stands. */
interface PartitionFold {
  /** Offset of the first message the last batch folded, and the state before it. */
  readonly batchStart: { readonly offset: bigint; readonly state: OracleState };
  readonly nextOffset: bigint;
  readonly state: OracleState;
}

export interface EngineResult {
  readonly outputs: OutboundMessage[];
  readonly rejections: Rejection[];
  /** Validity of every index this batch published. */
  readonly indexValid: ReadonlyMap<string, boolean>;
  /** The marks in `outputs`, decoded: what the metrics show as the last published prices. */
  readonly marks: readonly MarkV1[];
}

/**
 * The oracle's state per input partition (quotes are keyed by underlying, so everything one underlying's
 * marks need shares a partition) and the marks a batch produces. A batch that is delivered again after
 * its transaction failed is folded again from the state before it, so its outputs are the same and
 * nothing is applied twice. A partition seen for the first time (start, rebalance) starts empty:
 * indexes are invalid until enough fresh quotes arrive.
 */
export class OracleEngine {
  private readonly folds = new Map<number, PartitionFold>();

  constructor(
    private config: OracleConfig,
    private readonly marksTopic: string = TOPICS.marks,
  ) {}

  /**
   * The catalog changed (an instrument registered by command): later batches mark with this one. The
   * folded prices are per underlying and do not depend on the catalog, so nothing is re-read.
   */
  reconfigure(config: OracleConfig): void {
    this.config = config;
  }

  apply(partition: number, messages: readonly ConsumedMessage<OraclePriceV1>[]): EngineResult {
    if (messages.length === 0) return { outputs: [], rejections: [], indexValid: new Map(), marks: [] };
    const firstOffset = BigInt(messages[0].offset);
    const before = this.stateBefore(partition, firstOffset);
    let state = before;
    const rejections: Rejection[] = [];
    const settled: Settlement[] = [];
    const touched = new Set<string>();
    const tokens = new Set<string>();
    for (const message of messages) {
      const step = evolve(state, observationFromWire(message.value, message.timestampMs), this.config);
      state = step.state;
      settled.push(...step.settled);
      if (step.rejection) rejections.push(step.rejection);
      else if (message.value.kind === 'redemption-rate') tokens.add(message.value.token);
      else touched.add(message.value.underlying);
    }
    for (const underlying of changedStatus(before, state)) touched.add(underlying);
    this.folds.set(partition, {
      batchStart: { offset: firstOffset, state: before },
      nextOffset: BigInt(messages[messages.length - 1].offset) + 1n,
      state,
    });
    const indexValid = new Map(
      [...touched].map((u) => [u, state.indexes.get(u)?.reading?.status === 'valid'] as const),
    );
    const marks = this.marksOf(state, touched, tokens, settled);
    const outputs = marks.map((mark) => ({
      topic: this.marksTopic,
      key: markKeyOf(mark),
      value: encodeMessage(TOPICS.marks, mark),
    }));
    return { outputs, rejections, indexValid, marks };
  }

  private stateBefore(partition: number, firstOffset: bigint): OracleState {
    const fold = this.folds.get(partition);
    if (fold?.nextOffset === firstOffset) return fold.state;
    if (fold?.batchStart.offset === firstOffset) return fold.batchStart.state;
    return EMPTY_ORACLE_STATE;
  }

  private marksOf(
    state: OracleState,
    underlyings: ReadonlySet<string>,
    tokens: ReadonlySet<string>,
    settled: readonly Settlement[],
  ): MarkV1[] {
    const marks: MarkV1[] = [];
    for (const underlying of underlyings) {
      const reading = state.indexes.get(underlying)?.reading;
      if (reading) marks.push(indexToWire(underlying, reading));
      marks.push(...markUnderlying(state, this.config, underlying).map(instrumentMarkToWire));
    }
    for (const token of tokens) {
      const feed = state.redemptions.get(token);
      if (feed?.reading) marks.push(redemptionToWire(token, feed.base, feed.reading));
    }
    for (const settlement of settled) {
      const expiring = this.config
        .instrumentsOf(settlement.underlying)
        .filter((instrument) => instrument.expiryMs === settlement.expiryMs);
      marks.push(...expiring.map((instrument) => settlementToWire(settlement, instrument)));
    }
    return marks;
  }
}

/** Underlyings whose index turned valid or invalid (or changed reason) without a quote of their own. */
function changedStatus(before: OracleState, after: OracleState): string[] {
  return [...after.indexes].flatMap(([underlying, feed]) => {
    const previous = before.indexes.get(underlying)?.reading;
    const same = previous?.status === feed.reading?.status && previous?.reason === feed.reading?.reason;
    return same ? [] : [underlying];
  });
}
