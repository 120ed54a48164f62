import { UnderlyingMarginParams } from './params';

/** What the scenario grid cannot see, charged on top of its loss (SPAN's short option minimum and friends). */
export interface Contingencies {
  /** Net-short options: a far tail, a jump in vol beyond the grid's shocks. */
  readonly shortOptionUsd: number;
  /** Offsetting linear positions (long spot vs short perp, calendar spreads): basis risk. */
  readonly offsetUsd: number;
  /** Oracle doubt: sources disagree beyond tolerance, or a mark is invalid (held). */
  readonly oracleUsd: number;
}

/** Running totals for one underlying, filled position by position. */
export interface ExposureTally {
  /** Sum of |contracts x contract size x index| of net-short options. */
  shortOptionNotionalUsd: number;
  /** Sum of |linear notional| and the signed sum, for the offsetting part gross - |net|. */
  linearGrossUsd: number;
  linearNetUsd: number;
  /** Sum of |underlying notional| of everything, what an oracle error would misvalue. */
  grossNotionalUsd: number;
  maxDispersion: number;
  anyInvalidMark: boolean;
}

export function emptyTally(): ExposureTally {
  return resetTally({} as ExposureTally);
}

/** Zeroes a tally in place: the per-tick batch reuses one for every account. */
export function resetTally(tally: ExposureTally): ExposureTally {
  tally.shortOptionNotionalUsd = 0;
  tally.linearGrossUsd = 0;
  tally.linearNetUsd = 0;
  tally.grossNotionalUsd = 0;
  tally.maxDispersion = 0;
  tally.anyInvalidMark = false;
  return tally;
}

export function contingenciesOf(tally: ExposureTally, params: UnderlyingMarginParams): Contingencies {
  const { oracle } = params;
  const excessDispersion = Math.max(0, tally.maxDispersion - oracle.dispersionTolerance);
  const oracleRate =
    excessDispersion * oracle.chargePerDispersion + (tally.anyInvalidMark ? oracle.invalidMarkRate : 0);
  return {
    shortOptionUsd: params.shortOptionContingencyRate * tally.shortOptionNotionalUsd,
    offsetUsd: params.offsetContingencyRate * (tally.linearGrossUsd - Math.abs(tally.linearNetUsd)),
    oracleUsd: oracleRate * tally.grossNotionalUsd,
  };
}

export function totalOf(contingencies: Contingencies): number {
  return contingencies.shortOptionUsd + contingencies.offsetUsd + contingencies.oracleUsd;
}

/** Adds one position (signed contracts) to its underlying's tally. Positional arguments: a hot loop. */
export function tallyPosition(
  tally: ExposureTally,
  option: boolean,
  quantity: number,
  contractSize: number,
  indexPrice: number,
  dispersion: number,
  invalid: boolean,
): void {
  const underlyingUsd = quantity * contractSize * indexPrice;
  tally.grossNotionalUsd += Math.abs(underlyingUsd);
  tally.maxDispersion = Math.max(tally.maxDispersion, dispersion);
  tally.anyInvalidMark ||= invalid;
  if (option) {
    if (quantity < 0) tally.shortOptionNotionalUsd -= underlyingUsd;
  } else {
    tally.linearGrossUsd += Math.abs(underlyingUsd);
    tally.linearNetUsd += underlyingUsd;
  }
}
