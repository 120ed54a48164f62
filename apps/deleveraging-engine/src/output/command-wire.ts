import { CashCommandV1, InstrumentTermsV1, LedgerCommandV1, TransferCommandV1 } from '@clearing/contracts';
import { formatAmount } from '@clearing/ledger';
import { CaseCommand } from '@clearing/liquidation';

/** Scales of the exact amounts: position units per instrument, cash per asset (the journal codec's). */
export interface WireScales {
  readonly scaleOf: (asset: string) => number;
  /** Prices and fees are in the settlement asset (the writer parses them at its scale). */
  readonly settlementAsset: string;
  /** Terms a transfer carries, so a backstop without a position in the instrument can take one over. */
  readonly termsOf: (instrument: string) => InstrumentTermsV1 | undefined;
}

/** The command as liquidations.v1 lists it in its step. */
export function stepItemOf(command: CaseCommand, scales: WireScales): TransferCommandV1 | CashCommandV1 {
  const cash = (amount: bigint) => formatAmount(amount, scales.scaleOf(scales.settlementAsset));
  if (command.type === 'InsuranceFundDraw' || command.type === 'SocializeLoss') {
    const { commandId, type, account, asset, amount } = command;
    return { commandId, type, account, asset, amount: formatAmount(amount, scales.scaleOf(asset)) };
  }
  return {
    commandId: command.commandId,
    type: command.type,
    account: command.account,
    instrument: command.instrument,
    side: command.side,
    quantity: formatAmount(command.quantity, scales.scaleOf(command.instrument)),
    price: cash(command.price),
    counterpartyAccount: command.counterpartyAccount,
    fee: cash(command.fee),
  };
}

/** The ledger.commands.v1 message of a step command. */
export function ledgerCommandOf(command: CaseCommand, scales: WireScales): LedgerCommandV1 | undefined {
  const envelope = {
    schemaVersion: 1 as const,
    commandId: command.commandId,
    account: command.account,
    issuedAt: command.occurredAt,
    causationId: command.caseId,
  };
  const item = stepItemOf(command, scales);
  if ((command.type === 'InsuranceFundDraw' || command.type === 'SocializeLoss') && 'asset' in item)
    return {
      ...envelope,
      type: command.type,
      caseId: command.caseId,
      asset: item.asset,
      amount: item.amount,
    };
  if (!('instrument' in item)) return undefined;
  const { instrument, side, quantity, price } = item;
  const terms = scales.termsOf(instrument);
  const withTerms = { ...(terms === undefined ? {} : { terms }), ...priceBandOf(command, scales) };
  if (command.type === 'AutoDeleverage')
    return {
      ...envelope,
      type: 'AutoDeleverage',
      caseId: command.caseId,
      counterpartyAccount: item.counterpartyAccount,
      instrument,
      side,
      quantity,
      price,
      ...withTerms,
    };
  return {
    ...envelope,
    type: 'LiquidationTransfer',
    liquidationId: command.caseId,
    instrument,
    side,
    quantity,
    price,
    toAccount: item.counterpartyAccount,
    fee: item.fee,
    feeAsset: scales.settlementAsset,
    ...withTerms,
  };
}

/** The band the step was decided in (mark and bankruptcy price per underlying unit), for the journal. */
function priceBandOf(
  command: CaseCommand,
  scales: WireScales,
): { markPrice?: string; bankruptcyPrice?: string } {
  if (command.type !== 'LiquidationTransfer' && command.type !== 'AutoDeleverage') return {};
  const price = (minor: bigint) => formatAmount(minor, scales.scaleOf(scales.settlementAsset));
  const { markPrice, bankruptcyPrice } = command;
  return {
    ...(markPrice !== undefined ? { markPrice: price(markPrice) } : {}),
    ...(bankruptcyPrice !== undefined ? { bankruptcyPrice: price(bankruptcyPrice) } : {}),
  };
}
