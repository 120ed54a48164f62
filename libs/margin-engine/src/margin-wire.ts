import { AccountMarginV1, AccountUnpricedV1, MarginV1, UsdString } from '@clearing/contracts';
import { AccountMargin } from '@clearing/risk';

/** What the figures reflect (see margin.v1: the pair orders two messages of one account). */
export interface MarginStamp {
  readonly account: string;
  readonly journalSequence: number;
  readonly marksAsOf: string;
  readonly computedAt: string;
  readonly cause: 'journal' | 'mark';
}

/** The published figures are already whole cents (libs/risk rounds against the account); this only formats. */
export function usdString(cents: number): UsdString {
  const whole = Math.round(cents * 100);
  if (!Number.isSafeInteger(whole)) throw new RangeError(`USD figure ${cents} is out of range`);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const fraction = abs % 100;
  const digits = Math.trunc(abs / 100).toString();
  if (fraction === 0) return `${sign}${digits}`;
  return `${sign}${digits}.${fraction.toString().padStart(2, '0').replace(/0$/, '')}`;
}

export function marginMessage(stamp: MarginStamp, margin: AccountMargin): AccountMarginV1 {
  const requirement = (r: { imUsd: number; mmUsd: number }) => ({
    imUsd: usdString(r.imUsd),
    mmUsd: usdString(r.mmUsd),
  });
  const ratio = margin.health.ratio;
  return {
    schemaVersion: 1,
    kind: 'account-margin',
    ...stamp,
    method: margin.method,
    nlvUsd: usdString(margin.nlvUsd),
    marginNlvUsd: usdString(margin.marginNlvUsd),
    initialNlvUsd: usdString(margin.initialNlvUsd),
    required: requirement(margin.required),
    portfolio: requirement(margin.portfolio),
    standard: requirement(margin.standard),
    nettingSavingUsd: usdString(margin.nettingSavingUsd),
    freeCollateralUsd: usdString(margin.freeCollateralUsd),
    health: { ratio: Number.isFinite(ratio) ? ratio : null, band: margin.health.band },
    greeks: {
      byUnderlying: margin.greeks.byUnderlying.map((greeks) => ({ ...greeks })),
      total: { ...margin.greeks.total },
    },
  };
}

export function unpricedMessage(
  stamp: MarginStamp,
  missing: readonly string[],
  reason: string,
): AccountUnpricedV1 {
  return { schemaVersion: 1, kind: 'account-unpriced', ...stamp, reason: reason.slice(0, 500), missing };
}

/** (journalSequence, marksAsOf): a message is newer when either grew. */
export function isNewer(next: MarginV1, previous: MarginV1): boolean {
  if (next.journalSequence !== previous.journalSequence)
    return next.journalSequence > previous.journalSequence;
  return Date.parse(next.marksAsOf) >= Date.parse(previous.marksAsOf);
}
