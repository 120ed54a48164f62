// Test support: every endpoint of the API with who may call it, for the authorization matrix.
import { Role, ROLES } from '@clearing/access';
import { SEED } from './api-seed';

export type Caller = Role | 'none' | 'malformed' | 'unknown' | 'revoked';
export const BAD_CALLERS: readonly Caller[] = ['none', 'malformed', 'unknown', 'revoked'];
export const CALLERS: readonly Caller[] = [...ROLES, ...BAD_CALLERS];
export type Target = 'own' | 'other';

export interface MatrixRoute {
  /** As in the OpenAPI document, e.g. `GET /v1/accounts/{accountId}`. */
  readonly route: string;
  /** The concrete path for the account key's own data or another account's. */
  readonly path: (target: Target) => string | Promise<string>;
  /** Whether own/other differ (account-scoped data); else only `own` is called. */
  readonly scoped: boolean;
  readonly body?: unknown;
  readonly allowed: readonly Role[] | 'public';
  /** Status when allowed (200 by default). */
  readonly ok?: number;
  /** Request headers beyond the key (a write's Idempotency-Key). */
  readonly headers?: Record<string, string>;
}

const STAFF: readonly Role[] = ['operator', 'admin', 'auditor'];
const pick = (own: string, other: string) => (target: Target) => (target === 'own' ? own : other);
const fixed = (method: string, path: string, allowed: readonly Role[] | 'public'): MatrixRoute => ({
  route: `${method} ${path}`,
  path: () => path,
  scoped: false,
  allowed,
});
const ofAccount = (suffix: string): MatrixRoute => ({
  route: `GET /v1/accounts/{accountId}${suffix}`,
  path: pick(`/v1/accounts/${SEED.own}${suffix}`, `/v1/accounts/${SEED.other}${suffix}`),
  scoped: true,
  allowed: ROLES,
});

const OPERATORS: readonly Role[] = ['operator', 'admin'];
/** The live risk page's data: the whole system's risk, for operators and auditors only. */
const RISK_WATCHERS: readonly Role[] = ['operator', 'auditor'];
/** A journaled write: 202 once past the door (the matrix runs no ledger, so it stays pending). */
const write = (
  route: string,
  path: (target: Target) => string,
  allowed: readonly Role[],
  body: unknown,
): MatrixRoute => ({
  route,
  path,
  scoped: false,
  allowed,
  body,
  ok: 202,
  headers: { 'idempotency-key': `matrix-${route.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 100)}` },
});
const atAccount = (suffix: string) =>
  pick(`/v1/accounts/${SEED.own}${suffix}`, `/v1/accounts/${SEED.other}${suffix}`);

/**
 * The live routes: writes, the routed margin calls and the stream. The matrix runs the API alone, so a
 * routed call that passes the door finds no margin calculator: 503 (the e2e specs run them for real).
 */
function liveRoutes(): MatrixRoute[] {
  const perp = {
    instrument: 'MATRIX-PERP',
    instrumentKind: 'perpetual',
    underlying: 'BTC',
    quoteAsset: 'USDC',
    settlementAsset: 'USDC',
    positionScale: 4,
    contractSize: '1',
  };
  return [
    write('POST /v1/accounts', () => '/v1/accounts', OPERATORS, { account: 'MATRIX-NEW' }),
    write('POST /v1/accounts/{account}/suspension', atAccount('/suspension'), OPERATORS, {
      reason: 'matrix',
    }),
    write('POST /v1/accounts/{account}/closure', atAccount('/closure'), OPERATORS, {}),
    write('POST /v1/accounts/{account}/deposits', atAccount('/deposits'), ['operator'], {
      asset: 'USDC',
      amount: '1',
    }),
    write('POST /v1/instruments', () => '/v1/instruments', ['admin'], perp),
    write('POST /v1/risk-parameters', () => '/v1/risk-parameters', ['admin'], {
      scope: 'underlying',
      target: 'BTC',
      params: { imFactor: '1' },
    }),
    {
      ...write('POST /v1/accounts/{account}/withdrawals', atAccount('/withdrawals'), ['account'], {
        asset: 'USDC',
        amount: '1',
      }),
      scoped: true,
      ok: 503,
    },
    {
      route: 'POST /v1/accounts/{account}/what-if',
      path: atAccount('/what-if'),
      scoped: true,
      allowed: ROLES,
      body: { trades: [{ instrument: 'BTC-PERP', quantity: '1', priceUsd: '60000' }] },
      ok: 503,
    },
    {
      route: 'GET /v1/accounts/{account}/stream',
      path: atAccount('/stream'),
      scoped: true,
      allowed: ['account', 'operator', 'auditor'] as Role[],
    },
    {
      route: 'GET /v1/commands/{commandId}',
      path: () => '/v1/commands/matrix-unknown',
      scoped: false,
      allowed: ROLES,
    },
    {
      ...fixed('POST', '/v1/admin/halted-partitions/resume', ['admin']),
      body: { service: 'no-such-service', topic: 'ledger.journal.v1', partition: 0 },
      ok: 404,
    },
  ].map((route) =>
    route.route === 'GET /v1/commands/{commandId}'
      ? { ...route, path: () => '/v1/commands/matrix-unknown' }
      : route,
  );
}

/** `liveKeyId` issues a key and gives its id, so each DELETE has a live key to revoke. */
export function matrixRoutes(liveKeyId: () => Promise<string>): MatrixRoute[] {
  return [
    fixed('GET', '/v1/system/info', 'public'),
    fixed('GET', '/v1/admin/api-keys', ['admin']),
    {
      ...fixed('POST', '/v1/admin/api-keys', ['admin']),
      body: { role: 'auditor', label: 'matrix' },
      ok: 201,
    },
    {
      route: 'DELETE /v1/admin/api-keys/{keyId}',
      path: async () => `/v1/admin/api-keys/${await liveKeyId()}`,
      scoped: false,
      allowed: ['admin'],
    },
    fixed('GET', '/v1/accounts', ROLES),
    ...['', '/balances', '/positions', '/statement', '/margin'].map(ofAccount),
    fixed('GET', '/v1/liquidations', ROLES),
    {
      route: 'GET /v1/liquidations/{caseId}',
      path: pick(
        `/v1/liquidations/${encodeURIComponent(SEED.ownCase)}`,
        `/v1/liquidations/${encodeURIComponent(SEED.otherCase)}`,
      ),
      scoped: true,
      allowed: ROLES,
    },
    ...['/v1/insurance-funds', '/v1/instruments', '/v1/marks', '/v1/vol-surface', '/v1/adl-queue'].map((p) =>
      fixed('GET', p, ROLES),
    ),
    ...['/v1/solvency', '/v1/netting/cycles', '/v1/dead-letters', '/v1/halted-partitions'].map((p) =>
      fixed('GET', p, STAFF),
    ),
    {
      route: 'GET /v1/netting/cycles/{cycleId}/obligations',
      path: () => `/v1/netting/cycles/${SEED.cycle}/obligations`,
      scoped: false,
      allowed: ROLES,
    },
    ...['/v1/risk/health-bands', '/v1/risk/nearest-liquidation', '/v1/stream'].map((p) =>
      fixed('GET', p, RISK_WATCHERS),
    ),
    ...liveRoutes(),
  ];
}

/**
 * What a caller must get: 401 for any bad key on a keyed route, 403 for a role the route does not allow,
 * 404 for an account key on another account's data (indistinguishable from unknown), else the route's ok.
 */
export function expectedStatus(route: MatrixRoute, caller: Caller, target: Target): number {
  if (route.allowed === 'public') return 200;
  if (BAD_CALLERS.includes(caller)) return 401;
  if (!route.allowed.includes(caller as Role)) return 403;
  if (caller === 'account' && target === 'other') return 404;
  return route.ok ?? 200;
}
