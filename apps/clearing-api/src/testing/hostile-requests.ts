// Test support: adversarial HTTP requests against the API, generated with fast-check from a seed.
import fc from 'fast-check';
import { poisonBytes, poisonDecimal, poisonTimestamp, wrongType } from '@clearing/testing';
import { SEED } from './api-seed';
import { hostileWrite } from './hostile-writes';

export type KeyChoice = 'admin' | 'account' | 'operator' | 'none' | { raw: string };

export interface HostileRequest {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly key: KeyChoice;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** The 4xx statuses that are right for it (the suite also requires a reason and zero 5xx). */
  readonly expect: readonly number[];
}

const KEYS_PATH = '/v1/admin/api-keys';
const INJECTIONS = [
  "' OR '1'='1",
  "ACME'; DROP TABLE accounts;--",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  'ACME%27%20OR%201=1',
  '\u0000',
  'Ω≈ç√∫',
  '$(rm -rf /)',
  '{"$gt":""}',
];
const json = (value: unknown) => JSON.stringify(value);
const post = (
  label: string,
  body: string | Buffer,
  expect: number[],
  headers = { 'content-type': 'application/json' },
) => ({ label, method: 'POST', path: KEYS_PATH, key: 'admin', headers, body, expect }) as HostileRequest;

const badJson = poisonBytes.map(({ label, value }) => post(`body:${label}`, value ?? '', [400, 413]));

const wrongTypes = fc
  .record({ role: wrongType, accountId: fc.oneof(wrongType, poisonDecimal), label: wrongType })
  .map((r) =>
    post(
      'body:wrong-types',
      json({ role: r.role.value, accountId: r.accountId.value, label: r.label.value }),
      [400],
    ),
  );

const hugeBody = fc
  .integer({ min: 65 * 1024, max: 256 * 1024 })
  .map((n) => post('body:huge', json({ role: 'auditor', label: 'x'.repeat(n) }), [413]));

const wrongContentType = fc
  .constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    '',
  )
  .map((type) =>
    post(`content-type:${type || 'none'}`, json({ role: 'auditor' }), [415], { 'content-type': type }),
  );

/** Page numbers no reading of the parameter can accept (a numeric spelling of a valid one, like 1e2, can). */
const badInteger = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 20, maxLength: 60 }).map((d) => `9${d}`),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  fc.constantFrom(
    '1.5',
    '0.1',
    '-0.5',
    '1e400',
    'NaN',
    'Infinity',
    'abc',
    '[]',
    '{}',
    'true',
    'null',
    "1' OR '1'='1",
  ),
);

const hugeNumbers = fc
  .tuple(
    fc.constantFrom('limit', 'offset'),
    badInteger,
    fc.constantFrom('/v1/accounts', '/v1/liquidations', '/v1/marks', '/v1/risk/nearest-liquidation'),
  )
  .map(
    ([name, value, path]): HostileRequest => ({
      label: `query:${name}`,
      method: 'GET',
      path: `${path}?${name}=${encodeURIComponent(value)}`,
      key: 'operator',
      expect: [400],
    }),
  );

const badTimes = poisonTimestamp.map(
  (poison): HostileRequest => ({
    label: `query:time:${poison.label}`,
    method: 'GET',
    path: `/v1/accounts/${SEED.own}/statement?from=${encodeURIComponent(String(poison.value))}`,
    key: 'account',
    expect: [400],
  }),
);

const unknownIds = fc
  .tuple(
    fc.stringMatching(/^[A-Z][A-Z0-9]{3,20}$/),
    fc.constantFrom('', '/balances', '/positions', '/margin'),
  )
  .map(
    ([id, suffix]): HostileRequest => ({
      label: 'unknown-account',
      method: 'GET',
      path: `/v1/accounts/UNKNOWN-${id}${suffix}`,
      key: 'operator',
      expect: [404],
    }),
  );

const unknownKeyIds = fc.stringMatching(/^[0-9a-f]{16}$/).map(
  (keyId): HostileRequest => ({
    label: 'unknown-key-id',
    method: 'DELETE',
    path: `${KEYS_PATH}/${keyId}`,
    key: 'admin',
    expect: [404],
  }),
);

const otherAccounts = fc.constantFrom('', '/balances', '/positions', '/statement', '/margin').map(
  (suffix): HostileRequest => ({
    label: 'other-account',
    method: 'GET',
    path: `/v1/accounts/${SEED.other}${suffix}`,
    key: 'account',
    expect: [404],
  }),
);

const injections = fc
  .tuple(
    fc.constantFrom(...INJECTIONS),
    fc.constantFrom(
      '/v1/accounts/',
      '/v1/liquidations/',
      '/v1/accounts?status=',
      '/v1/vol-surface?underlying=',
    ),
  )
  .map(
    ([text, prefix]): HostileRequest => ({
      label: 'injection',
      method: 'GET',
      path: `${prefix}${encodeURIComponent(text)}`,
      key: 'operator',
      expect: [400, 404],
    }),
  );

const badKeys = fc
  .oneof(
    fc.string({ maxLength: 80 }).map((s) => ({ raw: `Bearer ${s}` })),
    fc.stringMatching(/^[0-9a-f]{16}$/).map((id) => ({ raw: `Bearer ck_${id}_${'A'.repeat(43)}` })),
    fc.constantFrom({ raw: 'Basic YWRtaW46YWRtaW4=' }, { raw: '' }, { raw: 'Bearer' }, 'none' as const),
  )
  .map(
    (key): HostileRequest => ({ label: 'bad-key', method: 'GET', path: '/v1/accounts', key, expect: [401] }),
  );

const unknownParams = fc.stringMatching(/^[a-z]{1,12}$/).map(
  (name): HostileRequest => ({
    label: 'unknown-param',
    method: 'GET',
    path: `/v1/instruments?${name}x=1`,
    key: 'operator',
    expect: [400],
  }),
);

/** Every kind the issue names, equally likely (the writes' kinds: hostile-writes.ts). */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  hostileWrite,
  badJson,
  wrongTypes,
  hugeBody,
  wrongContentType,
  hugeNumbers,
  badTimes,
  unknownIds,
  unknownKeyIds,
  otherAccounts,
  injections,
  badKeys,
  unknownParams,
);
