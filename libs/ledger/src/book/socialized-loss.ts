import { JournalEvent } from '../journal-event';
import { parseAmount } from '../amount';
import { divRound } from '../rounding';
import { AccountBook } from './account-book';
import { isSystemAccount, SystemAccount } from './system-accounts';

/** Parts per million: the unit of the socialized-loss factor. */
export const LOSS_FACTOR_PPM = 1_000_000n;

/**
 * What neither the insurance fund nor ADL could cover is shared by the holders of the settlement asset,
 * pro rata (BitMEX's former "socialised loss", FTX's clawback, Drift's last resort): a factor applied to
 * their withdrawals until the loss is absorbed. ppm of each withdrawal paid out, rounded down so the
 * house never pays out more than it holds.
 */
export function socializedLossFactorPpm(uncovered: bigint, totalClaims: bigint): bigint {
  if (uncovered < 0n || totalClaims < 0n) throw new RangeError('loss and claims are positive amounts');
  if (uncovered === 0n) return LOSS_FACTOR_PPM;
  if (uncovered >= totalClaims) return 0n;
  return divRound((totalClaims - uncovered) * LOSS_FACTOR_PPM, totalClaims, 'floor');
}

/** The part of a requested withdrawal that is paid out under the factor (rounded down: a payout). */
export function withdrawablePart(requested: bigint, factorPpm: bigint): bigint {
  if (factorPpm < 0n || factorPpm > LOSS_FACTOR_PPM)
    throw new RangeError(`a factor is within [0, ${LOSS_FACTOR_PPM}] ppm`);
  return divRound(requested * factorPpm, LOSS_FACTOR_PPM, 'floor');
}

/** A withdrawal under an open loss: what leaves to the outside and what stays to absorb the loss. */
export interface Haircut {
  /** The part of the withdrawal that counted against the account's claim at the loss. */
  readonly exposed: bigint;
  readonly haircut: bigint;
  readonly factorPpm: bigint;
}

interface OpenLoss {
  readonly factorPpm: bigint;
  /** Each holder's claim at the declaration not yet withdrawn: only these withdrawals are cut. */
  readonly exposure: Map<string, bigint>;
}

/**
 * The shard's open socialized losses per asset, a fold of its journal. A `LossSocialized` event opens
 * (or, for a second loss, re-opens) the factor over the claims held at that moment: the positive
 * balances of every non-system account. Withdrawals consume the claims; when the haircuts have paid
 * the pool (`SOCIALIZED-LOSS-<shard>`) back to zero the loss is closed and the factor resets to 100 %.
 */
export class SocializedLosses {
  private readonly open = new Map<string, OpenLoss>();
  private readonly pool = new Map<string, bigint>();
  private readonly poolAccount: string;

  constructor(
    shard: number,
    private readonly books: () => Iterable<AccountBook>,
  ) {
    this.poolAccount = SystemAccount.socializedLoss(shard);
  }

  /** The loss not yet absorbed (a positive amount). */
  outstanding(asset: string): bigint {
    return -(this.pool.get(asset) ?? 0n);
  }

  /** The claims a loss in `asset` is shared by: every non-system account's positive balance. */
  claims(asset: string): Map<string, bigint> {
    const claims = new Map<string, bigint>();
    for (const book of this.books())
      if (!isSystemAccount(book.account) && book.balance(asset) > 0n)
        claims.set(book.account, book.balance(asset));
    return claims;
  }

  haircutOf(account: string, asset: string, amount: bigint): Haircut | undefined {
    const loss = this.open.get(asset);
    const claim = loss?.exposure.get(account) ?? 0n;
    if (loss === undefined || claim === 0n) return undefined;
    const exposed = amount < claim ? amount : claim;
    const cut = exposed - withdrawablePart(exposed, loss.factorPpm);
    const outstanding = this.outstanding(asset);
    return { exposed, haircut: cut < outstanding ? cut : outstanding, factorPpm: loss.factorPpm };
  }

  apply(event: JournalEvent, scaleOf: (asset: string) => number): void {
    for (const posting of event.postings)
      if (posting.account === this.poolAccount)
        this.pool.set(posting.asset, (this.pool.get(posting.asset) ?? 0n) + posting.amount);
    const payload = event.payload as { asset?: string; factorPpm?: string; lossExposed?: string };
    if (event.type === 'LossSocialized' && payload.asset !== undefined)
      this.open.set(payload.asset, {
        factorPpm: BigInt(String(payload.factorPpm)),
        exposure: this.claims(payload.asset),
      });
    if (
      event.type === 'WithdrawalApproved' &&
      payload.lossExposed !== undefined &&
      payload.asset !== undefined
    )
      this.consume(event.account, payload.asset, parseAmount(payload.lossExposed, scaleOf(payload.asset)));
  }

  private consume(account: string, asset: string, exposed: bigint): void {
    const loss = this.open.get(asset);
    if (loss === undefined) return;
    const left = (loss.exposure.get(account) ?? 0n) - exposed;
    if (left > 0n) loss.exposure.set(account, left);
    else loss.exposure.delete(account);
    // Absorbed (or nobody left to share it): the factor resets to 100 % for every later withdrawal.
    if (this.outstanding(asset) === 0n || loss.exposure.size === 0) this.open.delete(asset);
  }
}
