import { HealthBands } from './params';

export type HealthBand = 'healthy' | 'watch' | 'warning' | 'liquidatable' | 'bankrupt';

export interface Health {
  /** NLV (haircut) / MM; Infinity when nothing is required. */
  readonly ratio: number;
  readonly band: HealthBand;
}

/**
 * Bands of NLV / MM: bankrupt when the account is worth less than nothing at mark (the loss waterfall's
 * case), liquidatable under 1, then warning, watch, healthy by the configured thresholds.
 */
export function healthOf(marginNlvUsd: number, mmUsd: number, nlvUsd: number, bands: HealthBands): Health {
  const ratio = mmUsd > 0 ? marginNlvUsd / mmUsd : marginNlvUsd >= 0 ? Infinity : -Infinity;
  if (nlvUsd < 0) return { ratio, band: 'bankrupt' };
  if (ratio < 1) return { ratio, band: 'liquidatable' };
  if (ratio < bands.watch) return { ratio, band: 'warning' };
  if (ratio < bands.healthy) return { ratio, band: 'watch' };
  return { ratio, band: 'healthy' };
}
