// What the margin calculator reads: an account's holdings and the market, as risk floats converted once
// from the ledger (see from-ledger.ts). Structural types, so the oracle's InstrumentMark fits MarginMark
// without libs/risk depending on libs/valuation (which depends on libs/risk).

export type PositionKind = 'spot' | 'perpetual' | 'future' | 'option';

export interface MarginPosition {
  readonly instrument: string;
  readonly kind: PositionKind;
  /** Signed contracts: positive long. */
  readonly quantity: number;
  /** Underlying units per contract. */
  readonly contractSize: number;
  /**
   * Exact cost basis of the open lots in settlement units (USD stablecoin): quantity x average entry x
   * contract size, from the ledger's cost without ever forming an average price.
   */
  readonly costUsd: number;
  /** Options: strike (USD) and type, for the standard margin's out-of-the-money credit. */
  readonly strike?: number;
  readonly optionType?: 'call' | 'put';
}

/** A collateral balance in units of its asset (USDC, BTC, stETH); negative is a debt. */
export interface CollateralHolding {
  readonly asset: string;
  readonly units: number;
}

export interface MarginPortfolio {
  readonly account: string;
  readonly collateral: readonly CollateralHolding[];
  readonly positions: readonly MarginPosition[];
}

/** The subset of the oracle's mark (marks.v1) margin needs: per contract prices, Greeks and risk array. */
export interface MarginMark {
  readonly instrument: string;
  readonly underlying: string;
  readonly status: 'valid' | 'invalid';
  /** Index of the underlying, per unit (USD). */
  readonly indexPrice: number;
  /** Per contract (USD); absent for an option with no vol surface (its mark is then invalid). */
  readonly markPrice?: number;
  /** P&L per long contract under every scenario of the underlying's grid (USD). */
  readonly riskArray?: readonly number[];
  readonly confidence?: { readonly dispersion: number };
  readonly option?: {
    readonly greeks: {
      readonly delta: number;
      readonly gamma: number;
      readonly vega: number;
      readonly theta: number;
    };
  };
  /** Open interest of the instrument in USD notional, for the standard margin's OI scaling. */
  readonly openInterestUsd?: number;
}

/** Everything of the market one margin computation reads. */
export interface MarketView {
  readonly marks: ReadonlyMap<string, MarginMark>;
  /** USD price per unit of each collateral asset (USDC ~ 1, BTC, ETH, stETH's market price). */
  readonly assetPricesUsd: ReadonlyMap<string, number>;
  /** Liquid staking tokens: redemption rate in units of the staked asset (stETH -> ETH). */
  readonly redemptionRates: ReadonlyMap<string, number>;
  /** Per collateral asset, the variance of its index returns (see ewma-volatility.ts). */
  readonly volatility: ReadonlyMap<string, { readonly variance: number }>;
}

export function markOf(market: MarketView, instrument: string): MarginMark {
  const mark = market.marks.get(instrument);
  if (mark === undefined) throw new Error(`no mark for ${instrument}: margin cannot be computed`);
  return mark;
}
