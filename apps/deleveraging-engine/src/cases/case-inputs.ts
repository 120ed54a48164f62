import { partitionOfKey } from '@clearing/kafka';
import { SystemAccount } from '@clearing/ledger';
import {
  CaseInput,
  InsuranceFundLimits,
  InsuranceFundState,
  netCollateralOf,
  RankedCandidate,
  shareOf,
  SystemSummary,
} from '@clearing/liquidation';
import { DeleveragingSettings } from '../deleveraging.settings';
import { AccountSnapshot } from '../state/account-snapshot';
import { pausedUnderlyings } from '../state/exact-marks';
import { LedgerView } from '../state/ledger-view';
import { StoredCase } from './case-store';

/** What the next input of a case needs besides the case and its account. */
export interface InputContext {
  readonly view: LedgerView;
  readonly settings: DeleveragingSettings;
  readonly settlementScale: number;
  readonly atMs: number;
  /** The case account's insurance fund now (balance net of draws still pending). */
  readonly fund: InsuranceFundState;
  readonly limits: InsuranceFundLimits;
  /** Every partition's accounts (own ones now, the others as last summarized), for the ADL queues. */
  readonly system: () => SystemSummary;
}

/** The insurance fund a case of `account` draws from: the one of its journal shard. */
export function fundAccountOf(account: string, partitionCount: number): string {
  return SystemAccount.insuranceFund(partitionOfKey(account, partitionCount));
}

/**
 * The case's next input by phase: rounds of partial liquidation, then the waterfall. The last step's
 * action tells a phase waiting for its step ("cover the deficit") from one whose step is done ("close").
 * Nothing while an underlying the account holds has an invalid mark: the waterfall waits like rounds do.
 */
export function nextInput(
  stored: StoredCase,
  snapshot: AccountSnapshot,
  context: InputContext,
): CaseInput | undefined {
  const { phase } = stored.state;
  const paused = pausedUnderlyings(context.view.market.view(), snapshot.holdings.keys());
  if (phase === 'opened' || phase === 'liquidating') return roundInput(snapshot, context, paused);
  if (phase === 'healthy' || phase === 'socialized') return { type: 'Close' };
  if (phase === 'insurance' && stored.lastAction === 'insurance-draw') return { type: 'Close' };
  if (phase === 'adl' && (stored.lastAction === 'adl' || stored.lastAction === 'socialized-loss'))
    return { type: 'Close' };
  if (holdsPaused(snapshot, context, paused)) return undefined;
  if (phase === 'insurance')
    return {
      type: 'CoverDeficit',
      ...waterfallBase(snapshot, context),
      atMs: context.atMs,
      fund: context.fund,
      limits: context.limits,
    };
  if (phase !== 'adl') return undefined;
  const queues = queuesFor(snapshot, context);
  // Ranked over part of the book, ADL would skip better counterparties: it waits for every partition.
  return queues && { type: 'Deleverage', ...waterfallBase(snapshot, context), queues };
}

function roundInput(snapshot: AccountSnapshot, context: InputContext, paused: Set<string>): CaseInput {
  const { view, settings } = context;
  const { params } = settings;
  return {
    type: 'Round',
    occurredAt: new Date(context.atMs).toISOString(),
    atMs: context.atMs,
    plan: {
      portfolio: snapshot.portfolio,
      market: view.market.view(),
      config: view.settings.config,
      method: view.methodOf(snapshot.account),
      pricing: params.pricing,
      holdings: snapshot.holdings,
      // No delta hedges: the ledger cannot yet open a position by a transfer (LIQUIDATION.md, limits).
      hedgePerps: new Map(),
      pausedUnderlyings: paused,
      targetImPpm: params.targetImPpm,
    },
    backstopAccount: settings.backstopAccount,
    throttle: params.throttle,
  };
}

function waterfallBase(snapshot: AccountSnapshot, context: InputContext) {
  const { margin } = snapshot;
  return {
    occurredAt: new Date(context.atMs).toISOString(),
    backstopAccount: context.settings.backstopAccount,
    settlementAsset: context.settings.settlementAsset,
    netCollateral: netCollateralOf(margin, context.settlementScale),
    holdings: [...snapshot.holdings.values()].map(({ exact }) => ({
      exact,
      share: shareOf(margin, exact.terms.instrument, -exact.quantity, exact.quantity),
    })),
  };
}

/** The opposite side's queue of each held instrument over all partitions; undefined while one is stale. */
function queuesFor(
  snapshot: AccountSnapshot,
  context: InputContext,
): Map<string, RankedCandidate[]> | undefined {
  const system = context.system();
  if (!system.isComplete()) return undefined;
  const queues = new Map<string, RankedCandidate[]>();
  for (const { exact } of snapshot.holdings.values()) {
    const { instrument } = exact.terms;
    queues.set(
      instrument,
      system.adlQueue(instrument, exact.quantity > 0n ? 'short' : 'long', snapshot.account),
    );
  }
  return queues;
}

function holdsPaused(snapshot: AccountSnapshot, context: InputContext, paused: Set<string>): boolean {
  const marks = context.view.market.view().marks;
  return [...snapshot.holdings.keys()].some((instrument) =>
    paused.has(marks.get(instrument)?.underlying ?? ''),
  );
}
