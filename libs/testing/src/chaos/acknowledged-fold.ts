import { expectedBooks, StreamInstrument, unitsOf } from '../fill-stream';
import { AcknowledgedLoad, RequestedWithdrawal } from './acknowledged-load';

const USDC_SCALE = 6;

/** What one account must hold, from the acknowledged load alone. */
export interface ExpectedAccount {
  usdcMicro: bigint;
  /** Net quantity per instrument in units of the lot size's last decimal (as `expectedBooks`). */
  readonly quantities: Map<string, bigint>;
}

/**
 * Withdrawals the ledger must have booked, checked against what the journal says it booked
 * (`journalBooked`: command id -> WithdrawalApproved events). A `booked` answer must be booked once; a
 * `refused` or `declined` one never; an `unknown` one (the answer was lost in a fault) at most once, and
 * whatever the journal decided is then what the fold takes. Returns the booked ids and every violation.
 */
export function reconcileWithdrawals(
  requests: readonly RequestedWithdrawal[],
  journalBooked: ReadonlyMap<string, number>,
): { booked: Set<string>; problems: string[] } {
  const problems: string[] = [];
  const booked = new Set<string>();
  const requested = new Set(requests.map((r) => r.commandId));
  for (const request of requests) {
    const times = journalBooked.get(request.commandId) ?? 0;
    if (times > 1) problems.push(`withdrawal ${request.commandId} booked ${times} times`);
    if (request.outcome === 'booked' && times === 0)
      problems.push(`withdrawal ${request.commandId} was answered booked but is not in the journal`);
    if ((request.outcome === 'refused' || request.outcome === 'declined') && times > 0)
      problems.push(`withdrawal ${request.commandId} was answered ${request.outcome} but is booked`);
    if (times > 0) booked.add(request.commandId);
  }
  for (const id of journalBooked.keys())
    if (!requested.has(id)) problems.push(`withdrawal ${id} booked but never requested`);
  return { booked, problems };
}

/** Every account's USDC and positions: acknowledged deposits once each, fills, booked withdrawals. */
export function foldAcknowledged(
  ack: AcknowledgedLoad,
  instruments: readonly StreamInstrument[],
  bookedWithdrawals: ReadonlySet<string>,
): Map<string, ExpectedAccount> {
  const accounts = new Map<string, ExpectedAccount>();
  const account = (id: string) => {
    if (!accounts.has(id)) accounts.set(id, { usdcMicro: 0n, quantities: new Map() });
    return accounts.get(id)!;
  };
  for (const [id, book] of expectedBooks([...ack.fills.values()], instruments)) {
    account(id).usdcMicro += book.cashMicroUsdc;
    for (const [instrument, quantity] of book.quantities) account(id).quantities.set(instrument, quantity);
  }
  for (const deposit of ack.deposits.values())
    account(deposit.account).usdcMicro += unitsOf(deposit.amount, USDC_SCALE);
  for (const withdrawal of ack.withdrawals)
    if (bookedWithdrawals.has(withdrawal.commandId))
      account(withdrawal.account).usdcMicro -= unitsOf(withdrawal.amount, USDC_SCALE);
  return accounts;
}
