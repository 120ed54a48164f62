import { unitsOf } from './money';
import { MarginPortfolio, MarginPosition, PositionKind } from './portfolio';

/** The parts of the ledger's HeldPosition margin reads (structural: AccountBook's positions fit). */
export interface LedgerPositionView {
  readonly terms: {
    readonly instrument: string;
    readonly kind: PositionKind;
    readonly settlementScale: number;
    readonly positionScale: number;
    readonly contractSize: { readonly minor: bigint; readonly scale: number };
    readonly strike?: bigint;
    readonly optionType?: 'call' | 'put';
  };
  readonly quantity: bigint;
  /** Exact cost basis at scale positionScale + settlementScale + contractSize.scale. */
  readonly cost: bigint;
}

/** The parts of the ledger's AccountBook margin reads. */
export interface LedgerAccountView {
  readonly account: string;
  readonly balances: ReadonlyMap<string, bigint>;
  readonly positions: ReadonlyMap<string, LedgerPositionView>;
}

/**
 * The single conversion from exact ledger amounts to risk floats. Balances of position units are the
 * positions themselves (read from `positions`); every other balance must be a known cash asset.
 */
export function portfolioFromLedger(
  book: LedgerAccountView,
  cashScales: ReadonlyMap<string, number>,
): MarginPortfolio {
  const collateral = [...book.balances]
    .filter(([asset]) => !book.positions.has(asset))
    .map(([asset, minor]) => {
      const scale = cashScales.get(asset);
      if (scale === undefined) throw new Error(`${book.account} holds ${asset}, which has no known scale`);
      return { asset, units: unitsOf(minor, scale) };
    });
  const positions = [...book.positions.values()].map(positionFromLedger);
  return { account: book.account, collateral, positions };
}

export function positionFromLedger(held: LedgerPositionView): MarginPosition {
  const { terms } = held;
  const costScale = terms.positionScale + terms.settlementScale + terms.contractSize.scale;
  return {
    instrument: terms.instrument,
    kind: terms.kind,
    quantity: unitsOf(held.quantity, terms.positionScale),
    contractSize: unitsOf(terms.contractSize.minor, terms.contractSize.scale),
    costUsd: unitsOf(held.cost, costScale),
    ...(terms.strike !== undefined ? { strike: unitsOf(terms.strike, terms.settlementScale) } : {}),
    ...(terms.optionType !== undefined ? { optionType: terms.optionType } : {}),
  };
}
