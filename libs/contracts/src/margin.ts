import { AccountIdString, AssetCodeString, Timestamp } from './common';

/** Mirrors schemas/margin.v1.schema.json (kept in sync by typed-messages.spec.ts). Key: the account. */
export type MarginV1 = AccountMarginV1 | AccountUnpricedV1;

/** USD in whole cents as a decimal string (`-12.5`, `1000.25`). */
export type UsdString = string;

export type HealthBandV1 = 'healthy' | 'watch' | 'warning' | 'liquidatable' | 'bankrupt';

interface MarginStampV1 {
  readonly schemaVersion: 1;
  readonly account: AccountIdString;
  /** Sequence of the account's last journal event folded in: with marksAsOf, orders two messages. */
  readonly journalSequence: number;
  /** Event time of the newest mark used. */
  readonly marksAsOf: Timestamp;
  /** Wall clock of the computation: diagnostics and latency only. */
  readonly computedAt: Timestamp;
  readonly cause: 'journal' | 'mark';
}

export interface RequirementV1 {
  readonly imUsd: UsdString;
  readonly mmUsd: UsdString;
}

export interface GreeksV1 {
  readonly underlying?: AssetCodeString;
  readonly delta?: number;
  readonly gamma?: number;
  readonly vega?: number;
  readonly theta?: number;
  readonly deltaUsd: number;
  readonly gammaUsdPerPercent: number;
  readonly vegaUsdPerVolPoint: number;
  readonly thetaUsdPerDay: number;
}

export interface AccountMarginV1 extends MarginStampV1 {
  readonly kind: 'account-margin';
  readonly method: 'portfolio' | 'standard';
  readonly nlvUsd: UsdString;
  readonly marginNlvUsd: UsdString;
  readonly initialNlvUsd: UsdString;
  readonly required: RequirementV1;
  readonly portfolio: RequirementV1;
  readonly standard: RequirementV1;
  readonly nettingSavingUsd: UsdString;
  readonly freeCollateralUsd: UsdString;
  /** ratio null: nothing is required (infinitely healthy). */
  readonly health: { readonly ratio: number | null; readonly band: HealthBandV1 };
  readonly greeks: { readonly byUnderlying: readonly GreeksV1[]; readonly total: GreeksV1 };
}

/** Something the account holds has no usable mark: no figure rather than a wrong one. */
export interface AccountUnpricedV1 extends MarginStampV1 {
  readonly kind: 'account-unpriced';
  readonly reason: string;
  readonly missing: readonly AssetCodeString[];
}
