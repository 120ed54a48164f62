import { DEV_SERVICE_CREDENTIAL, SERVICE_CREDENTIAL_HEADER } from '@clearing/config';
import { RequestedWithdrawal, WithdrawalOutcome } from './acknowledged-load';

/**
 * A front end asking the margin calculator to withdraw (POST /accounts/:account/withdrawals), with the
 * services' dev credential (the chaos services run with the default).
 */
export async function requestWithdrawal(
  marginUrl: string,
  request: { commandId: string; account: string; amount: string },
  timeoutMs: number,
): Promise<RequestedWithdrawal> {
  const { commandId, account, amount } = request;
  const outcome = (result: WithdrawalOutcome, detail: string) => ({ ...request, outcome: result, detail });
  try {
    const response = await fetch(`${marginUrl}/accounts/${encodeURIComponent(account)}/withdrawals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SERVICE_CREDENTIAL_HEADER]: DEV_SERVICE_CREDENTIAL },
      body: JSON.stringify({ asset: 'USDC', amount, commandId }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { status?: string; message?: unknown };
    if (response.status === 200 && (body.status === 'booked' || body.status === 'refused'))
      return outcome(body.status, JSON.stringify(body));
    // 4xx: refused by the checks before any command was published (validation, margin, unpriced, owner).
    if (response.status >= 400 && response.status < 500)
      return outcome('declined', `${response.status} ${JSON.stringify(body.message)}`);
    return outcome('unknown', `${response.status} ${JSON.stringify(body)}`);
  } catch (error) {
    return outcome('unknown', String(error));
  }
}
