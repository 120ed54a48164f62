import { Principal } from '@clearing/access';
import { AttributionV1 } from '@clearing/contracts';

/**
 * Who issued a command through the API, as journaled: the key's role (and account, for an account key),
 * the key's id (never the key), when the API accepted the request.
 */
export function attributionOf(principal: Principal, at: string): AttributionV1 {
  const who = principal.accountId === undefined ? principal.role : `${principal.role}:${principal.accountId}`;
  return { principal: who, keyId: principal.keyId, at, via: 'api' };
}
