import { PositionTransfer } from '@clearing/ledger';

type TransferDraft = Omit<PositionTransfer, 'commandId'>;

/**
 * A liquidation transfer and the backstop's side of it. Each leg books against the CCP sub-account of
 * its own account's shard, so only the pair leaves the CCP flat: the backstop takes the position over
 * at the same price and pays no fee (the fee is the liquidated account's, to the insurance fund).
 */
export function withTakeover(transfer: TransferDraft): TransferDraft[] {
  const takeover: TransferDraft = {
    ...transfer,
    account: transfer.counterpartyAccount,
    counterpartyAccount: transfer.account,
    side: transfer.side === 'buy' ? 'sell' : 'buy',
    fee: 0n,
  };
  return [transfer, takeover];
}
