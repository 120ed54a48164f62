import { abs } from '../close/exact-position';

// BitMEX auto-deleveraging priority (bitmex.com/app/autoDeleveraging):
//   ranking = PNL% x effective leverage   when PNL% > 0
//           = PNL% / effective leverage   when PNL% < 0
//   effective leverage = |mark value| / (mark value - bankrupt value)
//   PNL% = (mark value - avg entry value) / |avg entry value|
// values being the position's value at the mark, bankruptcy and average entry prices. Floats: a rank
// orders accounts, it moves no money (the close itself is priced exactly at the bankruptcy price).

/** One opposite-side position that ADL may reduce, in USD values of the whole position (signed). */
export interface AdlCandidate {
  readonly account: string;
  /** Position minor units, signed (the side opposite to the bankrupt account's). */
  readonly quantity: bigint;
  readonly markValueUsd: number;
  readonly entryValueUsd: number;
  /** The position's value at its own bankruptcy price (dYdX formula over its account). */
  readonly bankruptValueUsd: number;
}

export interface RankedCandidate extends AdlCandidate {
  readonly score: number;
}

export function adlScore(candidate: AdlCandidate): number {
  const { markValueUsd, entryValueUsd, bankruptValueUsd } = candidate;
  const cushion = markValueUsd - bankruptValueUsd;
  // No cushion left: the position is itself bankrupt at the mark, infinitely leveraged.
  const leverage = cushion === 0 ? Infinity : Math.abs(markValueUsd) / Math.abs(cushion);
  const pnlShare = entryValueUsd === 0 ? 0 : (markValueUsd - entryValueUsd) / Math.abs(entryValueUsd);
  if (pnlShare > 0) return pnlShare * leverage;
  if (pnlShare < 0) return pnlShare / leverage;
  return 0;
}

/** Highest score first; ties by account id so every re-ranking of the same book gives the same queue. */
export function rankForAdl(candidates: readonly AdlCandidate[]): RankedCandidate[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: adlScore(candidate) }))
    .sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/**
 * The ADL indicator per account: 5 lights for the first 20% of the queue, 1 for the last, BitMEX's
 * quintiles taken by cumulative quantity (its published example: quantities 10, 20, 30, 10, 10, 20 in
 * queue order sit at 20%, 40%, 60%, 80%, 80%, 100%).
 */
export function adlLights(ranked: readonly RankedCandidate[]): Map<string, 1 | 2 | 3 | 4 | 5> {
  const total = ranked.reduce((sum, c) => sum + abs(c.quantity), 0n);
  const lights = new Map<string, 1 | 2 | 3 | 4 | 5>();
  let cumulative = 0n;
  for (const candidate of ranked) {
    cumulative += abs(candidate.quantity);
    // Quintile = ceil(5 x cumulative / total): 1 (first 20%) to 5; lights count down from 5.
    const quintile = Number((5n * cumulative + total - 1n) / total);
    lights.set(candidate.account, (6 - quintile) as 1 | 2 | 3 | 4 | 5);
  }
  return lights;
}

/** One ADL match: the counterparty closes `quantity` (position minor units, positive) at the price. */
export interface AdlMatch {
  readonly account: string;
  readonly quantity: bigint;
}

/**
 * Walks the queue and assigns `quantity` to the top-ranked positions, each at most its size: the
 * minimum quantity, never more than the bankrupt position needs. Returns what nobody could take.
 */
export function allocateAdl(
  ranked: readonly RankedCandidate[],
  quantity: bigint,
): { matches: AdlMatch[]; unfilled: bigint } {
  const matches: AdlMatch[] = [];
  let left = quantity;
  for (const candidate of ranked) {
    if (left === 0n) break;
    const take = abs(candidate.quantity) < left ? abs(candidate.quantity) : left;
    if (take > 0n) matches.push({ account: candidate.account, quantity: take });
    left -= take;
  }
  return { matches, unfilled: left };
}
