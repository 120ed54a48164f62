/** One expiry's smile: vols at sorted log-moneyness points k = ln(K/F). */
export interface Smile {
  readonly years: number;
  readonly logMoneyness: readonly number[];
  readonly vols: readonly number[];
}

/**
 * Vol at log-moneyness k: linear in k between quoted points, flat beyond the outermost ones (extending a
 * slope past the data invites negative or exploding vols in the wings).
 */
export function smileVol(smile: Smile, k: number): number {
  const { logMoneyness: ks, vols } = smile;
  const last = ks.length - 1;
  if (k <= ks[0]) return vols[0];
  if (k >= ks[last]) return vols[last];
  let right = 1;
  while (ks[right] < k) right++;
  const left = right - 1;
  const weight = (k - ks[left]) / (ks[right] - ks[left]);
  return vols[left] + weight * (vols[right] - vols[left]);
}
