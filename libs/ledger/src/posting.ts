import { ASSET_CODE_PATTERN, AssetCode } from './assets';

/** Account id: also the Kafka key of everything account-scoped. `:` allows sub-accounts (`CCP:7`). */
export type AccountId = string;

export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * One leg of a journal event. Sign convention (holding view, not debit/credit-normal accounting):
 * a positive `amount` increases what `account` holds of `asset` (it receives cash, or goes longer
 * contracts); a negative amount decreases it (it pays, or goes shorter). Minor units of the asset's scale.
 */
export interface Posting {
  readonly account: AccountId;
  readonly asset: AssetCode;
  readonly amount: bigint;
}

declare const balancedBrand: unique symbol;

/** Postings proven to sum to zero per asset; obtainable only from `balancePostings`/`checkPostings`. */
export type BalancedPostings = readonly Posting[] & { readonly [balancedBrand]: true };

export type PostingsCheck = { ok: true; postings: BalancedPostings } | { ok: false; reason: string };

export class UnbalancedPostingsError extends Error {
  override readonly name = 'UnbalancedPostingsError';
}

/**
 * Validates that there is at least one posting, none is zero or malformed, and for every asset the
 * amounts sum to exactly zero. Returns a frozen copy branded as balanced.
 */
export function checkPostings(postings: readonly Posting[]): PostingsCheck {
  if (postings.length === 0) {
    return { ok: false, reason: 'no postings' };
  }
  const sums = new Map<AssetCode, bigint>();
  for (const [index, posting] of postings.entries()) {
    const problem = postingProblem(posting);
    if (problem !== undefined) {
      return { ok: false, reason: `posting ${index}: ${problem}` };
    }
    sums.set(posting.asset, (sums.get(posting.asset) ?? 0n) + posting.amount);
  }
  const unbalanced = [...sums].filter(([, sum]) => sum !== 0n);
  if (unbalanced.length > 0) {
    const detail = unbalanced.map(([asset, sum]) => `${asset} sums to ${sum}`).join(', ');
    return { ok: false, reason: `unbalanced: ${detail} minor units` };
  }
  return { ok: true, postings: freezePostings(postings) };
}

/** Throwing form of `checkPostings`, for code paths where an unbalanced event is a bug. */
export function balancePostings(postings: readonly Posting[]): BalancedPostings {
  const check = checkPostings(postings);
  if (!check.ok) {
    throw new UnbalancedPostingsError(check.reason);
  }
  return check.postings;
}

/**
 * The writer's own postings, built by its decide step from a schema-valid command (accounts and assets
 * matched the same patterns at the edge): only what the decision itself could get wrong is checked, no
 * zero amount and a zero sum per asset; no pattern test, no copy, no freeze (the hot path, issue 15).
 */
export function balanceDecidedPostings(postings: readonly Posting[]): BalancedPostings {
  if (postings.length === 0) throw new UnbalancedPostingsError('no postings');
  for (const [index, posting] of postings.entries()) {
    if (posting.amount === 0n) throw new UnbalancedPostingsError(`posting ${index}: zero amount`);
    let sum = 0n;
    for (const other of postings) if (other.asset === posting.asset) sum += other.amount;
    if (sum !== 0n)
      throw new UnbalancedPostingsError(`unbalanced: ${posting.asset} sums to ${sum} minor units`);
  }
  return postings as BalancedPostings;
}

/**
 * The deliberate empty posting list, for journal events that record a decision without moving value
 * (WithdrawalRejected, RiskParamsChanged). `checkPostings([])` rejects emptiness so it is never accidental.
 */
export const NO_POSTINGS = freezePostings([]);

function postingProblem(posting: Posting): string | undefined {
  if (typeof posting.amount !== 'bigint') {
    return 'amount must be a bigint of minor units';
  }
  if (posting.amount === 0n) {
    return 'zero amount';
  }
  if (!ACCOUNT_ID_PATTERN.test(posting.account)) {
    return `invalid account ${JSON.stringify(posting.account)}`;
  }
  if (!ASSET_CODE_PATTERN.test(posting.asset)) {
    return `invalid asset ${JSON.stringify(posting.asset)}`;
  }
  return undefined;
}

function freezePostings(postings: readonly Posting[]): BalancedPostings {
  const copy = postings.map((p) => Object.freeze({ account: p.account, asset: p.asset, amount: p.amount }));
  return Object.freeze(copy) as unknown as BalancedPostings;
}
