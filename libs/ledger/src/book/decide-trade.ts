import { divRound } from '../rounding';
import { JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { Posting } from '../posting';
import { AccountBook, HeldPosition, positionPayload, rememberDecidedPosition } from './account-book';
import { Attribution } from './commands';
import { Cashflow, DecideContext, nextEvent, transfer } from './event-builder';
import { applyTrade } from './position';
import { SystemAccount } from './system-accounts';
import { InstrumentTerms, notionalDivisor, notionalExact } from './terms';

/** A trade of this account against the CCP: a novated fill leg, a liquidation or an ADL close-out. */
export interface TradeDraft {
  readonly commandId: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly terms: InstrumentTerms;
  readonly side: 'buy' | 'sell';
  readonly quantity: bigint;
  readonly price: bigint;
  readonly fee: bigint;
  readonly feeAsset: string;
  /** Who receives the fee: the fee account (fills) or the insurance fund (liquidations). */
  readonly feeTo: string;
  readonly payload: JsonObject;
  readonly attribution?: Attribution;
}

/**
 * Books one side of a trade: position units move between the account and the CCP's shard account; cash
 * moves by the instrument's kind (premium for options, the price for spot, realized P&L for futures
 * and perpetuals); the fee goes to `feeTo`. Each cash amount is rounded against the account.
 */
export function bookTrade(book: AccountBook, context: DecideContext, trade: TradeDraft): JournalEvent {
  const { terms, side, quantity, price } = trade;
  const ccp = SystemAccount.ccp(context.shard);
  const delta = side === 'buy' ? quantity : -quantity;
  const unitsAsset = terms.kind === 'spot' ? terms.baseAsset! : terms.instrument;
  const postings: Posting[] = transfer(ccp, book.account, unitsAsset, delta);
  const cashflows: Cashflow[] = [];
  let position: JsonObject | undefined;
  let held: HeldPosition | undefined;
  if (terms.kind === 'option' || terms.kind === 'spot') {
    // Paid in full now: the buyer pays the rounded-up amount, the seller receives the rounded-down one.
    const cash = divRound(-notionalExact(terms, delta, price), notionalDivisor(terms), 'floor');
    postings.push(...transfer(ccp, book.account, terms.settlementAsset, cash));
    cashflows.push({ asset: terms.settlementAsset, kind: 'premium', amount: cash });
  }
  if (terms.kind !== 'spot') {
    const outcome = applyTrade(terms, book.position(terms.instrument), delta, price);
    position = positionPayload(terms, outcome.position);
    held = { terms, ...outcome.position };
    if (terms.kind !== 'option') {
      postings.push(...transfer(ccp, book.account, terms.settlementAsset, outcome.realizedPnl));
      cashflows.push({ asset: terms.settlementAsset, kind: 'realizedPnl', amount: outcome.realizedPnl });
    }
  }
  postings.push(...transfer(book.account, trade.feeTo, trade.feeAsset, trade.fee));
  cashflows.push({ asset: trade.feeAsset, kind: 'fee', amount: -trade.fee });
  const event = nextEvent(book, context, {
    commandId: trade.commandId,
    occurredAt: trade.occurredAt,
    attribution: trade.attribution,
    type: trade.type,
    postings,
    cashflows,
    payload: trade.payload,
    position,
  });
  if (held) rememberDecidedPosition(event, held);
  return event;
}
