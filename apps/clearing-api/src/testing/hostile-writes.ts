// Test support: adversarial writes (journaled commands, routed margin calls), for the hostile HTTP run.
import fc from 'fast-check';
import { poisonDecimal, wrongType } from '@clearing/testing';
import { SEED } from './api-seed';
import type { HostileRequest, KeyChoice } from './hostile-requests';

const JSON_TYPE = { 'content-type': 'application/json' };
const keyed = (key: string) => ({ ...JSON_TYPE, 'idempotency-key': key });
const write = (
  label: string,
  path: string,
  key: KeyChoice,
  body: unknown,
  expect: number[],
  headers: Record<string, string> = keyed(`hostile-${label}`),
): HostileRequest => ({ label, method: 'POST', path, key, headers, body: JSON.stringify(body), expect });

const deposits = `/v1/accounts/${SEED.own}/deposits`;

/** A plain signed decimal within the contracts' digits (such as `-1`): hostile for amounts, not for a quantity. */
const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]{0,19})(\.[0-9]{1,18})?$/;
/** The poisons no signed field accepts either. */
const invalidDecimal = poisonDecimal.filter(
  (poison) => typeof poison.value !== 'string' || !PLAIN_DECIMAL.test(poison.value),
);

/** A deposit amount no reading of the contracts accepts: 400 before any command exists. */
const poisonAmounts = poisonDecimal.map((poison) =>
  write(`deposit:${poison.label}`, deposits, 'operator', { asset: 'USDC', amount: poison.value }, [400]),
);

/** The Idempotency-Key is the command id: missing, empty or outside the journal's alphabet. */
const badIdempotencyKeys = fc
  .constantFrom<
    Record<string, string>
  >(JSON_TYPE, keyed(''), keyed("k'; DROP TABLE command_outcomes;--"), keyed('k'.repeat(129)), keyed('-leading-dash'), keyed('white space'))
  .map((headers) =>
    write('idempotency-key', deposits, 'operator', { asset: 'USDC', amount: '1' }, [400], headers),
  );

/** Hypothetical trades of the wrong shape, and quantities no contract accepts. */
const badWhatIfs = fc
  .oneof(
    wrongType.map((poison) => ({ trades: poison.value })),
    invalidDecimal.map((poison) => ({
      trades: [{ instrument: 'BTC-PERP', quantity: poison.value, priceUsd: '60000' }],
    })),
    fc.constant({ trades: [] }),
    fc.constant({
      trades: Array.from({ length: 101 }, () => ({ instrument: 'BTC-PERP', quantity: '1', priceUsd: '1' })),
    }),
  )
  .map((body) => write('what-if', `/v1/accounts/${SEED.own}/what-if`, 'account', body, [400]));

/** Another account's withdrawal with an account key: 404 (as unknown), never routed. */
const foreignWithdrawals = fc
  .constantFrom(SEED.other, 'UNKNOWN-ACCOUNT')
  .map((account) =>
    write(
      'foreign-withdrawal',
      `/v1/accounts/${account}/withdrawals`,
      'account',
      { asset: 'USDC', amount: '1' },
      [404],
    ),
  );

/** Risk-parameter changes with names or values the journal refuses, as the admin sends them. */
const badRiskParams = fc
  .oneof(
    invalidDecimal.map((poison) => ({ scope: 'global', params: { imFactor: poison.value } })),
    fc.constantFrom(
      { scope: 'global', params: {} },
      { scope: 'everything', params: { imFactor: '1' } },
      { scope: 'underlying', params: { 'im-factor; DROP': '1' } },
      { scope: 'underlying', target: 'x'.repeat(65), params: { imFactor: '1' } },
    ),
  )
  .map((body) => write('risk-params', '/v1/risk-parameters', 'admin', body, [400]));

/** Injection strings in the account of a write's path: refused by the account pattern. */
const injectedAccounts = fc
  .constantFrom("ACME' OR '1'='1", '../../etc', '<script>', 'a'.repeat(65), '%00')
  .map((account) =>
    write(
      'write-injection',
      `/v1/accounts/${encodeURIComponent(account)}/suspension`,
      'operator',
      { reason: 'x' },
      [400, 404],
    ),
  );

/** Every kind of hostile write, equally likely. */
export const hostileWrite: fc.Arbitrary<HostileRequest> = fc.oneof(
  poisonAmounts,
  badIdempotencyKeys,
  badWhatIfs,
  foreignWithdrawals,
  badRiskParams,
  injectedAccounts,
);
