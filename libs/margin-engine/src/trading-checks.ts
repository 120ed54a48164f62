import {
  AccountMargin,
  CollateralHolding,
  HypotheticalTrade,
  MarginPortfolio,
  withTrade,
} from '@clearing/risk';
import { MarginEngine } from './margin-engine';

/** A hypothetical trade as a caller states it: signed quantity (positive buys) at a price per underlying unit. */
export interface WhatIfTrade {
  readonly instrument: string;
  readonly quantity: number;
  readonly priceUsd: number;
}

/** The terms what-if needs of an instrument (kind, contract size, strike): the service's instrument catalog. */
export type InstrumentCatalog = (
  instrument: string,
) => (HypotheticalTrade['position'] & { readonly settlementAsset: string }) | undefined;

export type CheckResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: 'unknown' | 'unpriced' | 'refused'; readonly reason: string };

export interface Before<T> {
  readonly before: T;
  readonly after: T;
}

/** Pre-trade check: the account's margin now and as if these trades were booked at these prices. */
export function whatIfMargin(
  engine: MarginEngine,
  account: string,
  trades: readonly WhatIfTrade[],
  catalog: InstrumentCatalog,
): CheckResult<Before<AccountMargin>> {
  const portfolio = engine.portfolioOf(account) ?? { account, collateral: [], positions: [] };
  let after = portfolio;
  for (const trade of trades) {
    const terms = catalog(trade.instrument);
    if (terms === undefined)
      return { ok: false, status: 'unknown', reason: `unknown instrument ${trade.instrument}` };
    const { settlementAsset, ...position } = terms;
    after = withTrade(after, {
      position,
      quantity: trade.quantity,
      priceUsd: trade.priceUsd,
      settlementAsset,
    });
  }
  return beforeAndAfter(engine, portfolio, after);
}

/** An approval the ledger writer checks against the account's sequence (see docs/MARGIN.md, withdrawals). */
export interface WithdrawalApproval {
  readonly journalSequence: number;
  readonly freeCollateralAfterUsd: number;
}

/**
 * Free-collateral check of a withdrawal of `units` of `asset`: the account's margin without those units
 * must leave free collateral >= 0 (haircut collateral and capped unrealized profit against IM). The approval
 * names the journal sequence it saw; a fill booked before the withdrawal makes the writer refuse it as stale.
 * While any account has negative equity nothing is approved: the deficit may yet be socialized, and cash
 * that left before would escape its share.
 */
export function approveWithdrawal(
  engine: MarginEngine,
  account: string,
  asset: string,
  units: number,
): CheckResult<WithdrawalApproval & Before<AccountMargin>> {
  const book = engine.accounts.book(account);
  const portfolio = engine.portfolioOf(account);
  if (book === undefined || portfolio === undefined)
    return { ok: false, status: 'unknown', reason: `unknown account ${account}` };
  const bankrupt = engine.accountsWithNegativeEquity().size;
  if (bankrupt > 0) {
    const reason = `withdrawals are gated while ${bankrupt} account(s) have negative equity (loss waterfall running)`;
    return { ok: false, status: 'refused', reason };
  }
  const held = portfolio.collateral.find((c) => c.asset === asset)?.units ?? 0;
  if (held < units)
    return { ok: false, status: 'refused', reason: `${account} holds ${held} ${asset}, asked ${units}` };
  const checked = beforeAndAfter(engine, portfolio, {
    ...portfolio,
    collateral: withdrawn(portfolio.collateral, asset, units),
  });
  if (!checked.ok) return checked;
  const freeAfter = checked.value.after.freeCollateralUsd;
  if (freeAfter < 0) {
    return {
      ok: false,
      status: 'refused',
      reason: `free collateral after the withdrawal would be ${freeAfter} USD`,
    };
  }
  return {
    ok: true,
    value: { ...checked.value, journalSequence: book.sequence, freeCollateralAfterUsd: freeAfter },
  };
}

function beforeAndAfter(
  engine: MarginEngine,
  before: MarginPortfolio,
  after: MarginPortfolio,
): CheckResult<Before<AccountMargin>> {
  const now = engine.marginOf(before);
  if (!('margin' in now)) return { ok: false, status: 'unpriced', reason: now.reason };
  const then = engine.marginOf(after);
  if (!('margin' in then)) return { ok: false, status: 'unpriced', reason: then.reason };
  return { ok: true, value: { before: now.margin, after: then.margin } };
}

function withdrawn(
  collateral: readonly CollateralHolding[],
  asset: string,
  units: number,
): CollateralHolding[] {
  return collateral.map((c) => (c.asset === asset ? { asset, units: c.units - units } : c));
}
