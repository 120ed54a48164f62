import { formatAmount } from '../amount';
import { JournalEvent } from '../journal-event';
import { AccountBook } from './account-book';
import { SocializedLosses } from './socialized-loss';
import { SystemAccount } from './system-accounts';
import { scaledDecimal } from './terms';

/** What a registration may never change once an instrument exists: its position unit and contract. */
export interface RegisteredTerms {
  readonly kind: string;
  readonly settlementAsset: string;
  readonly positionScale: number;
  /** Canonical decimal (no trailing zeros), so "1.0" and "1" are the same size. */
  readonly contractSize: string;
}

export function canonicalSize(decimal: string): string {
  const { minor, scale } = scaledDecimal(decimal);
  return formatAmount(minor, scale);
}

/** The event that records a perpetual's funding period as decided by a shard (on its CCP account). */
export const FUNDING_PERIOD_SETTLED = 'FundingPeriodSettled';

/**
 * Shard-wide facts a single account's book does not hold, folded from every event of the shard: the
 * insurance fund's balance (its postings come from other accounts' events: liquidation fees, draws), the
 * open socialized losses (over the claims of every book), the instruments registered so far (seeded
 * with the configured ones) and the last funding time settled per perpetual. Deterministic like the books.
 */
export class ShardFacts {
  private readonly fund = new Map<string, bigint>();
  private readonly registered: Map<string, RegisteredTerms>;
  private readonly fundAccount: string;
  readonly socializedLosses: SocializedLosses;
  private readonly fundingTimes = new Map<string, string>();

  constructor(
    shard: number,
    private readonly scaleOf: (asset: string) => number,
    books: () => Iterable<AccountBook>,
    seed: ReadonlyMap<string, RegisteredTerms> = new Map(),
  ) {
    this.fundAccount = SystemAccount.insuranceFund(shard);
    this.registered = new Map(seed);
    this.socializedLosses = new SocializedLosses(shard, books);
  }

  insuranceFund(asset: string): bigint {
    return this.fund.get(asset) ?? 0n;
  }

  /** The latest funding time (RFC 3339) this shard settled for `instrument`, if any. */
  lastFundingTime(instrument: string): string | undefined {
    return this.fundingTimes.get(instrument);
  }

  registration(instrument: string): RegisteredTerms | undefined {
    return this.registered.get(instrument);
  }

  apply(event: JournalEvent): void {
    for (const posting of event.postings)
      if (posting.account === this.fundAccount)
        this.fund.set(posting.asset, this.insuranceFund(posting.asset) + posting.amount);
    if (event.type === 'InstrumentRegistered') this.register(event.payload);
    this.socializedLosses.apply(event, this.scaleOf);
    if (event.type === FUNDING_PERIOD_SETTLED)
      this.fundingTimes.set(String(event.payload.instrument), String(event.payload.fundingTime));
  }

  private register(payload: JournalEvent['payload']): void {
    const instrument = String(payload.instrument);
    if (this.registered.has(instrument)) return; // immutable: a later event could only repeat it
    this.registered.set(instrument, {
      kind: String(payload.instrumentKind),
      settlementAsset: String(payload.settlementAsset),
      positionScale: Number(payload.positionScale),
      contractSize: canonicalSize(String(payload.contractSize)),
    });
  }
}
