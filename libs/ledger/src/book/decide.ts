import { formatAmount } from '../amount';
import { JournalEvent } from '../journal-event';
import { divRound } from '../rounding';
import { AccountBook, HeldPosition, positionPayload } from './account-book';
import {
  BookCommand,
  Deposit,
  FillLeg,
  FundingSettlement,
  InsuranceFundDraw,
  OptionExpirySettlement,
  PositionTransfer,
} from './commands';
import { limitRefusalOf } from './command-limits';
import { cashStatusRefusalOf, decideAccountCommand } from './decide-account';
import { bookTrade } from './decide-trade';
import { decideSocializeLoss } from './decide-socialized-loss';
import { decideWithdrawal } from './decide-withdrawal';
import { FLAT } from './position';
import { DecideContext, nextEvent, rejection, transfer } from './event-builder';
import { SystemAccount } from './system-accounts';
import { pow10 } from './terms';

/**
 * `duplicate`: the command was already decided (same id, same content); nothing to append. `conflict`:
 * its id was decided before for other content; nothing to append either, the caller refuses it loudly.
 */
export type Decision =
  | { readonly event: JournalEvent }
  | { readonly duplicate: true }
  | { readonly conflict: string };

/** A command id is applied at most once, ever: by its content hash a re-send is told from a conflict. */
export function decidedBefore(
  book: AccountBook,
  command: { readonly commandId: string; readonly commandHash?: string },
): Decision | undefined {
  const decided = book.decidedCommands.get(command.commandId);
  if (decided === undefined) return undefined;
  if (decided === '' || command.commandHash === undefined || decided === command.commandHash)
    return { duplicate: true };
  return { conflict: `command ${command.commandId} was already decided with other content` };
}

/**
 * decide(state, command) -> event: validates the command against the account's current state and
 * returns the one journal event that records the outcome (a refusal is an event too, with its reason).
 * Pure: no clock, no I/O; the same book and command always give the same event.
 */
export function decide(book: AccountBook, command: BookCommand, context: DecideContext): Decision {
  const before = decidedBefore(book, command);
  if (before) return before;
  const limit = limitRefusalOf(book, command, context);
  if (limit !== undefined) return { event: rejection(book, context, command, limit) };
  switch (command.type) {
    case 'FillLeg':
      return decideFillLeg(book, command, context);
    case 'Deposit':
      return { event: decideDeposit(book, command, context) };
    case 'WithdrawalRequest':
      return { event: decideWithdrawal(book, command, context) };
    case 'FundingSettlement':
      return { event: decideFunding(book, command, context) };
    case 'OptionExpirySettlement':
      return { event: decideExpiry(book, command, context) };
    case 'LiquidationTransfer':
    case 'AutoDeleverage':
      return { event: decideTransfer(book, command, context) };
    case 'InsuranceFundDraw':
      return { event: decideInsuranceDraw(book, command, context) };
    case 'SocializeLoss':
      return { event: decideSocializeLoss(book, command, context) };
    case 'OpenAccount':
    case 'SuspendAccount':
    case 'CloseAccount':
      return { event: decideAccountCommand(book, command, context) };
    case 'RegisterInstrument':
    case 'RiskParamsChange': {
      const type = command.type === 'RegisterInstrument' ? 'InstrumentRegistered' : 'RiskParamsChanged';
      return {
        event: nextEvent(book, context, { ...command, type, postings: [], payload: { ...command.details } }),
      };
    }
  }
}

function decideFillLeg(book: AccountBook, leg: FillLeg, context: DecideContext): Decision {
  const key = `${leg.fillId}:${leg.side}`;
  const booked = book.bookedFills.get(key);
  if (booked === leg.fillHash) return { duplicate: true };
  if (booked !== undefined)
    return {
      event: rejection(book, context, leg, `fill ${leg.fillId} already booked with different content`),
    };
  return {
    // Every member named (no spread of the leg): this runs twice per fill (issue 15).
    event: bookTrade(book, context, {
      commandId: leg.commandId,
      occurredAt: leg.occurredAt,
      attribution: leg.attribution,
      type: 'FillCleared',
      terms: leg.terms,
      side: leg.side,
      quantity: leg.quantity,
      price: leg.price,
      fee: leg.fee,
      feeAsset: leg.feeAsset,
      feeTo: SystemAccount.fees(context.shard),
      payload: {
        fill: { key, hash: leg.fillHash },
        fillId: leg.fillId,
        side: leg.side,
        counterpartyAccount: leg.counterpartyAccount,
        instrument: leg.terms.instrument,
        price: formatAmount(leg.price, leg.terms.settlementScale),
        quantity: formatAmount(leg.quantity, leg.terms.positionScale),
        fee: formatAmount(leg.fee, context.scaleOf(leg.feeAsset)),
        feeAsset: leg.feeAsset,
        venue: leg.venue,
        venueSequence: leg.venueSequence,
      },
    }),
  };
}

function decideDeposit(book: AccountBook, deposit: Deposit, context: DecideContext): JournalEvent {
  if (deposit.amount <= 0n) return rejection(book, context, deposit, 'deposit amount must be positive');
  const statusRefusal = cashStatusRefusalOf(book, 'in');
  if (statusRefusal !== undefined) return rejection(book, context, deposit, statusRefusal);
  return nextEvent(book, context, {
    ...deposit,
    type: 'CollateralDeposited',
    postings: transfer(SystemAccount.external(context.shard), book.account, deposit.asset, deposit.amount),
    payload: { asset: deposit.asset, amount: formatAmount(deposit.amount, context.scaleOf(deposit.asset)) },
  });
}

function decideFunding(book: AccountBook, funding: FundingSettlement, context: DecideContext): JournalEvent {
  const held = book.positions.get(funding.instrument);
  if (!held || held.quantity === 0n)
    return rejection(book, context, funding, `no open position in ${funding.instrument}`);
  const { terms } = held;
  if (terms.kind !== 'perpetual')
    return rejection(book, context, funding, `${funding.instrument} is not a perpetual: it pays no funding`);
  // Longs pay when the rate is positive; the account's side of the rounding is always the worse one.
  const exact = -held.quantity * funding.markPrice * terms.contractSize.minor * funding.rate.minor;
  const payment = divRound(
    exact,
    pow10(terms.positionScale + terms.contractSize.scale + funding.rate.scale),
    'floor',
  );
  return nextEvent(book, context, {
    ...funding,
    type: 'FundingSettled',
    postings: transfer(SystemAccount.ccp(context.shard), book.account, terms.settlementAsset, payment),
    cashflows: [{ asset: terms.settlementAsset, kind: 'funding', amount: payment }],
    payload: { instrument: funding.instrument, payment: formatAmount(payment, terms.settlementScale) },
  });
}

function decideExpiry(
  book: AccountBook,
  expiry: OptionExpirySettlement,
  context: DecideContext,
): JournalEvent {
  const held = book.positions.get(expiry.instrument);
  if (held?.terms.kind === 'future' && held.quantity !== 0n)
    return closeFutureAtSettlement(book, expiry, held, context);
  if (!held || held.quantity === 0n || held.terms.kind !== 'option')
    return rejection(book, context, expiry, `no open option position in ${expiry.instrument}`);
  const { terms, quantity } = held;
  const strike = terms.strike!;
  const intrinsic =
    terms.optionType === 'call' ? expiry.settlementPrice - strike : strike - expiry.settlementPrice;
  const perUnit = intrinsic > 0n ? intrinsic : 0n;
  const cash = divRound(
    quantity * perUnit * terms.contractSize.minor,
    pow10(terms.positionScale + terms.contractSize.scale),
    'floor',
  );
  const ccp = SystemAccount.ccp(context.shard);
  return nextEvent(book, context, {
    ...expiry,
    type: 'OptionExpired',
    postings: [
      ...transfer(book.account, ccp, terms.instrument, quantity),
      ...transfer(ccp, book.account, terms.settlementAsset, cash),
    ],
    cashflows: [{ asset: terms.settlementAsset, kind: 'expirySettlement', amount: cash }],
    payload: {
      instrument: expiry.instrument,
      settlementPrice: formatAmount(expiry.settlementPrice, terms.settlementScale),
      cash: formatAmount(cash, terms.settlementScale),
      position: positionPayload(terms, FLAT),
    },
  });
}

function decideTransfer(
  book: AccountBook,
  transferCommand: PositionTransfer,
  context: DecideContext,
): JournalEvent {
  const terms = book.positions.get(transferCommand.instrument)?.terms ?? transferCommand.terms;
  if (terms === undefined || terms.instrument !== transferCommand.instrument)
    return rejection(
      book,
      context,
      transferCommand,
      `no position in ${transferCommand.instrument} and no terms to open one`,
    );
  const type = transferCommand.type === 'LiquidationTransfer' ? 'LiquidationExecuted' : 'AutoDeleveraged';
  return bookTrade(book, context, {
    ...transferCommand,
    type,
    terms,
    feeAsset: terms.settlementAsset,
    feeTo: SystemAccount.insuranceFund(context.shard),
    payload: {
      caseId: transferCommand.caseId,
      instrument: transferCommand.instrument,
      counterpartyAccount: transferCommand.counterpartyAccount,
      ...priceBandPayload(transferCommand, terms.settlementScale),
    },
  });
}

/** The transfer's price and the band it was decided in, per underlying unit: what verify checks. */
function priceBandPayload(command: PositionTransfer, settlementScale: number): Record<string, string> {
  const decimal = (minor: bigint) => formatAmount(minor, settlementScale);
  const { markPrice, bankruptcyPrice } = command;
  return {
    price: decimal(command.price),
    ...(markPrice !== undefined ? { markPrice: decimal(markPrice) } : {}),
    ...(bankruptcyPrice !== undefined ? { bankruptcyPrice: decimal(bankruptcyPrice) } : {}),
  };
}

function decideInsuranceDraw(
  book: AccountBook,
  draw: InsuranceFundDraw,
  context: DecideContext,
): JournalEvent {
  if (draw.amount <= 0n) return rejection(book, context, draw, 'draw amount must be positive');
  return nextEvent(book, context, {
    ...draw,
    type: 'InsuranceFundDrawn',
    postings: transfer(SystemAccount.insuranceFund(context.shard), book.account, draw.asset, draw.amount),
    payload: {
      caseId: draw.caseId,
      asset: draw.asset,
      amount: formatAmount(draw.amount, context.scaleOf(draw.asset)),
    },
  });
}

/** A dated future at expiry: closed against the CCP at the settlement price, the last P&L paid in cash. */
function closeFutureAtSettlement(
  book: AccountBook,
  expiry: OptionExpirySettlement,
  held: HeldPosition,
  context: DecideContext,
): JournalEvent {
  return bookTrade(book, context, {
    commandId: expiry.commandId,
    occurredAt: expiry.occurredAt,
    type: 'FutureExpired',
    terms: held.terms,
    side: held.quantity > 0n ? 'sell' : 'buy',
    quantity: held.quantity > 0n ? held.quantity : -held.quantity,
    price: expiry.settlementPrice,
    fee: 0n,
    feeAsset: held.terms.settlementAsset,
    feeTo: SystemAccount.fees(context.shard),
    payload: {
      instrument: expiry.instrument,
      settlementPrice: formatAmount(expiry.settlementPrice, held.terms.settlementScale),
    },
  });
}
