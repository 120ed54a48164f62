// Test support: the figures a person should see, worked out from a scenario with bigint arithmetic (never
// by asking the API that displays them).

/** A USD decimal string as whole cents. */
export function centsOf(usd: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(usd);
  if (!match) throw new Error(`not USD in cents: ${usd}`);
  const cents = BigInt(match[2] + (match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** `numerator / denominator` (denominator > 0) to `places` decimals, half away from zero. */
export function quotient(numerator: bigint, denominator: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (magnitude * scale * 2n + denominator) / (2n * denominator);
  const sign = numerator < 0n && rounded > 0n ? '-' : '';
  const digits = rounded.toString().padStart(places + 1, '0');
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

export const usdOf = (cents: bigint): string => quotient(cents, 100n, 2);
