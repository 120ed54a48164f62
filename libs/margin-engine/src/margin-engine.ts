import { MarginV1, MarkV1 } from '@clearing/contracts';
import { JournalEvent } from '@clearing/ledger';
import {
  AccountMargin,
  accountMargin,
  collateralPriceInputs,
  MarginConfig,
  MarginMethod,
  MarginPortfolio,
  portfolioFromLedger,
} from '@clearing/risk';
import { AccountIndex } from './account-index';
import { MarketState, EwmaSettings } from './market-state';
import { MarginStamp, marginMessage, unpricedMessage } from './margin-wire';
import { missingMarketData } from './missing-market-data';
import { PublishThreshold, worthPublishing } from './publish-policy';
import { RiskParamsChange, withRiskParams } from './risk-params';

export interface MarginEngineSettings {
  readonly config: MarginConfig;
  readonly threshold: PublishThreshold;
  readonly ewma: EwmaSettings;
  /** Stablecoins priced 1 USD (no index). */
  readonly parAssets: readonly string[];
  /** Accounts margined by the standard (per position, size-tiered) method; everyone else by portfolio. */
  readonly standardAccounts: ReadonlySet<string>;
  /** Scale of each cash asset (the journal codec's registry). */
  readonly scaleOf: (asset: string) => number;
}

export type Cause = MarginStamp['cause'];

/**
 * The margin calculator's state: the owned accounts (journal folds), the whole market (marks), and the
 * figures last published per account. Recomputes only what changed: a journal event touches its account, a
 * mark touches the holders of what it prices. Pure (no I/O): the service feeds it and ships what it returns.
 */
export class MarginEngine {
  readonly accounts = new AccountIndex();
  readonly market: MarketState;
  private readonly published = new Map<string, MarginV1>();
  private marginConfig: MarginConfig;
  /** Owned accounts whose last figures show negative equity: withdrawals wait for the loss waterfall. */
  private readonly negativeEquity = new Set<string>();
  /** Accounts margin.v1 last called bankrupt, whoever margins them (the other instances' too). */
  private readonly bankruptOnTopic = new Set<string>();

  constructor(readonly settings: MarginEngineSettings) {
    this.market = new MarketState(settings.ewma, settings.parAssets);
    this.marginConfig = settings.config;
  }

  /** The parameters in force: the configured ones with every journaled change applied in order. */
  get config(): MarginConfig {
    return this.marginConfig;
  }

  /** Applies a journaled RiskParamsChange; a refused change throws and leaves the parameters as they were. */
  changeRiskParams(change: RiskParamsChange): void {
    this.marginConfig = withRiskParams(this.marginConfig, change);
  }

  /** Folds journal events (each at most once); returns the accounts whose holdings moved. */
  applyJournal(events: readonly JournalEvent[]): Set<string> {
    const touched = new Set<string>();
    for (const event of events) if (this.accounts.apply(event)) touched.add(event.account);
    return touched;
  }

  /** Folds marks; returns the owned accounts holding anything they re-priced. */
  applyMarks(marks: readonly MarkV1[]): Set<string> {
    return this.applyMarkBatch(marks).holders;
  }

  /** applyMarks, also naming the assets whose EWMA took an observation (their state is to be persisted). */
  applyMarkBatch(marks: readonly MarkV1[]): { holders: Set<string>; sampled: ReadonlySet<string> } {
    const change = this.market.apply(marks);
    return {
      holders: this.accounts.holdersOf([...change.instruments, ...this.collateralRepriced(change.assets)]),
      sampled: change.sampled,
    };
  }

  /** The assets re-priced and the collateral priced from them (ETH's index re-prices stETH too). */
  private collateralRepriced(assets: ReadonlySet<string>): Set<string> {
    const repriced = new Set(assets);
    for (const [asset, params] of Object.entries(this.config.collateral))
      if (collateralPriceInputs(asset, params).some((input) => assets.has(input))) repriced.add(asset);
    return repriced;
  }

  /** The figures of these accounts now, and the subset worth publishing (which become the last published). */
  evaluate(
    accounts: Iterable<string>,
    cause: Cause,
    computedAt: string,
  ): { all: MarginV1[]; toPublish: MarginV1[] } {
    const all: MarginV1[] = [];
    const toPublish: MarginV1[] = [];
    for (const account of accounts) {
      const figures = this.figuresOf(account, cause, computedAt);
      if (figures === undefined) continue;
      all.push(figures);
      if (figures.kind === 'account-margin' && figures.health.band === 'bankrupt')
        this.negativeEquity.add(account);
      else this.negativeEquity.delete(account);
      if (!worthPublishing(figures, this.published.get(account), this.settings.threshold)) continue;
      this.published.set(account, figures);
      toPublish.push(figures);
    }
    return { all, toPublish };
  }

  /**
   * margin.v1 as every instance published it (in topic order: per account, the latest wins). With N
   * instances the others' accounts are known only from there, and the withdrawal gate is system-wide.
   */
  observeSystemMargin(figures: readonly MarginV1[]): void {
    for (const f of figures)
      if (f.kind === 'account-margin' && f.health.band === 'bankrupt') this.bankruptOnTopic.add(f.account);
      else this.bankruptOnTopic.delete(f.account);
  }

  /**
   * Accounts worth less than nothing at mark: the owned ones as of their last evaluation here, every other
   * one as margin.v1 last published it (an owned account's own evaluation is never older than the topic).
   */
  accountsWithNegativeEquity(): ReadonlySet<string> {
    const elsewhere = [...this.bankruptOnTopic].filter(
      (account) => this.accounts.book(account) === undefined,
    );
    return elsewhere.length === 0 ? this.negativeEquity : new Set([...this.negativeEquity, ...elsewhere]);
  }

  /** After a rebalance: forgets the accounts of partitions no longer owned, and all kept about them. */
  keepAccounts(keep: (account: string) => boolean): void {
    const dropped = this.accounts.forget(keep);
    this.forgetPublished(dropped);
    for (const account of dropped) this.negativeEquity.delete(account);
  }

  /** Shipping failed: these accounts are published again at their next evaluation, whatever moved. */
  forgetPublished(accounts: Iterable<string>): void {
    for (const account of accounts) this.published.delete(account);
  }

  lastPublished(account: string): MarginV1 | undefined {
    return this.published.get(account);
  }

  /** The figures last published of every owned account: what the service's system-wide gauges sum. */
  publishedFigures(): Iterable<MarginV1> {
    return this.published.values();
  }

  methodOf(account: string): MarginMethod {
    return this.settings.standardAccounts.has(account) ? 'standard' : 'portfolio';
  }

  portfolioOf(account: string): MarginPortfolio | undefined {
    const book = this.accounts.book(account);
    return book === undefined
      ? undefined
      : portfolioFromLedger(book, scalesOf(book.balances.keys(), this.settings.scaleOf));
  }

  /** The account's margin now, or why it cannot be priced (`missing` lists what has no usable mark). */
  marginOf(portfolio: MarginPortfolio): { margin: AccountMargin } | { missing: string[]; reason: string } {
    const missing = missingMarketData(portfolio, this.market, this.config);
    if (missing.length > 0) return { missing, reason: `no usable mark for ${missing.join(', ')}` };
    try {
      return {
        margin: accountMargin(portfolio, this.market.view(), this.config, this.methodOf(portfolio.account)),
      };
    } catch (error) {
      return { missing: [portfolio.account], reason: (error as Error).message };
    }
  }

  private figuresOf(account: string, cause: Cause, computedAt: string): MarginV1 | undefined {
    const book = this.accounts.book(account);
    const portfolio = this.portfolioOf(account);
    if (book === undefined || portfolio === undefined) return undefined;
    const stamp = {
      account,
      journalSequence: book.sequence,
      marksAsOf: this.market.marksAsOf(),
      computedAt,
      cause,
    };
    const result = this.marginOf(portfolio);
    return 'margin' in result
      ? marginMessage(stamp, result.margin)
      : unpricedMessage(stamp, result.missing, result.reason);
  }
}

function scalesOf(assets: Iterable<string>, scaleOf: (asset: string) => number): Map<string, number> {
  const scales = new Map<string, number>();
  for (const asset of assets) {
    try {
      scales.set(asset, scaleOf(asset));
    } catch {
      // left out: portfolioFromLedger skips position units and refuses an unknown cash asset by name
    }
  }
  return scales;
}
