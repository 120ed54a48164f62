import { HealthBandV1, MarginV1 } from '@clearing/contracts';
import { AccountIndex } from '@clearing/margin-engine';
import { formatAmount, parseAmount } from '@clearing/ledger';

export type Band = HealthBandV1 | 'unpriced';
export const BANDS: readonly Band[] = ['healthy', 'watch', 'warning', 'liquidatable', 'bankrupt', 'unpriced'];
export const GREEKS = ['delta', 'gamma', 'vega'] as const;
export type GreekName = (typeof GREEKS)[number];
const CENT_SCALE = 2;

/** What the risk dashboard shows of one calculator instance; USD sums are exact to the cent. */
export interface SystemRisk {
  readonly accountsByBand: ReadonlyMap<Band, number>;
  readonly nlvUsd: number;
  readonly imUsd: number;
  readonly mmUsd: number;
  readonly portfolioImUsd: number;
  readonly standardImUsd: number;
  /** `underlying` -> greek -> USD sensitivity summed over the accounts. */
  readonly greeksUsd: ReadonlyMap<string, Readonly<Record<GreekName, number>>>;
}

/** Sums the last published figures of the accounts (their USD strings exactly, in cents). */
export function systemRiskOf(figures: Iterable<MarginV1>): SystemRisk {
  const accountsByBand = new Map<Band, number>(BANDS.map((band) => [band, 0]));
  const cents = { nlv: 0n, im: 0n, mm: 0n, portfolio: 0n, standard: 0n };
  const greeksUsd = new Map<string, Record<GreekName, number>>();
  for (const f of figures) {
    const band: Band = f.kind === 'account-margin' ? f.health.band : 'unpriced';
    accountsByBand.set(band, accountsByBand.get(band)! + 1);
    if (f.kind !== 'account-margin') continue;
    cents.nlv += parseAmount(f.nlvUsd, CENT_SCALE);
    cents.im += parseAmount(f.required.imUsd, CENT_SCALE);
    cents.mm += parseAmount(f.required.mmUsd, CENT_SCALE);
    cents.portfolio += parseAmount(f.portfolio.imUsd, CENT_SCALE);
    cents.standard += parseAmount(f.standard.imUsd, CENT_SCALE);
    for (const g of f.greeks.byUnderlying) {
      if (g.underlying === undefined) continue;
      const sums = greeksUsd.get(g.underlying) ?? { delta: 0, gamma: 0, vega: 0 };
      sums.delta += g.deltaUsd;
      sums.gamma += g.gammaUsdPerPercent;
      sums.vega += g.vegaUsdPerVolPoint;
      greeksUsd.set(g.underlying, sums);
    }
  }
  const usd = (c: bigint) => Number(formatAmount(c, CENT_SCALE));
  return {
    accountsByBand,
    nlvUsd: usd(cents.nlv),
    imUsd: usd(cents.im),
    mmUsd: usd(cents.mm),
    portfolioImUsd: usd(cents.portfolio),
    standardImUsd: usd(cents.standard),
    greeksUsd,
  };
}

/** Long contracts held per instrument over the accounts of the index (a matched book: = short contracts). */
export function openInterestOf(accounts: AccountIndex): Map<string, number> {
  const longs = new Map<string, { minor: bigint; scale: number }>();
  for (const account of accounts.accounts()) {
    for (const held of accounts.book(account)?.positions.values() ?? []) {
      if (held.quantity <= 0n) continue;
      const { instrument, positionScale } = held.terms;
      const sum = longs.get(instrument) ?? { minor: 0n, scale: positionScale };
      longs.set(instrument, { ...sum, minor: sum.minor + held.quantity });
    }
  }
  return new Map([...longs].map(([instrument, s]) => [instrument, Number(formatAmount(s.minor, s.scale))]));
}
