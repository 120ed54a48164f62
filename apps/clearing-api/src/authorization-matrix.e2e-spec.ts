import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseApiKey, Role, ROLES } from '@clearing/access';
import { eventually, publishRaw } from '@clearing/testing';
import { ApiFixture } from './testing/api-fixture';
import { SEED, seedBook, seedTopics } from './testing/api-seed';
import { Caller, CALLERS, expectedStatus, matrixRoutes, Target } from './testing/route-matrix';

const fixture = new ApiFixture();
const keys = new Map<Caller, string | undefined>();

async function callerKeys(): Promise<void> {
  for (const role of ROLES)
    keys.set(role, await fixture.key(role, role === 'account' ? SEED.own : undefined));
  keys.set('none', undefined);
  keys.set('malformed', 'not-a-key');
  keys.set('unknown', `ck_0123456789abcdef_${'A'.repeat(43)}`);
  const revoked = await fixture.key('admin');
  await fixture.request(`/v1/admin/api-keys/${parseApiKey(revoked)!.keyId}`, {
    method: 'DELETE',
    key: keys.get('admin'),
  });
  keys.set('revoked', revoked);
}

describe('authorization matrix: every endpoint x every role x own/other account', () => {
  before(async () => {
    await fixture.open();
    await seedBook(fixture.database.dataSource);
    await seedTopics((topic, messages) => publishRaw(fixture.kafka.kafka, topic, messages), fixture.topics);
    await callerKeys();
    await topicReadsShown();
  });
  after(() => fixture.close());

  const routes = matrixRoutes(async () => parseApiKey(await fixture.key('auditor'))!.keyId);

  it('given the OpenAPI document, then the matrix covers every route it lists (and no more)', async () => {
    const document = (await fixture.request('/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    assert.deepEqual(routes.map((r) => r.route).sort(), documented.sort());
  });

  for (const route of routes) {
    it(`given ${route.route}, when each caller calls it, then each gets its expected status`, async () => {
      const mismatches: string[] = [];
      for (const caller of CALLERS) {
        for (const target of (route.scoped ? ['own', 'other'] : ['own']) as Target[]) {
          const method = route.route.split(' ')[0];
          const response = await fixture.request(await route.path(target), {
            method,
            key: keys.get(caller),
            body: route.body,
            headers: route.headers,
          });
          const expected = expectedStatus(route, caller, target);
          if (response.status !== expected) {
            mismatches.push(
              `${caller}/${target}: ${response.status} (expected ${expected}) ${JSON.stringify(response.body)}`,
            );
          }
          if (response.status >= 400) assert.equal(response.contentType, 'application/problem+json');
        }
      }
      assert.deepEqual(mismatches, []);
    });
  }

  it('given an account key, when it lists accounts and liquidations, then it sees only its own tree', async () => {
    const key = keys.get('account' satisfies Role);
    const accounts = (await fixture.request('/v1/accounts', { key })).body.items as { accountId: string }[];
    assert.deepEqual(
      accounts.map((a) => a.accountId),
      [SEED.own, SEED.sub],
    );
    const cases = (await fixture.request('/v1/liquidations', { key })).body.items as { caseId: string }[];
    assert.deepEqual(
      cases.map((c) => c.caseId),
      [SEED.ownCase],
    );
    const lights = (await fixture.request('/v1/adl-queue', { key })).body.items as { account: string }[];
    assert.deepEqual(
      lights.map((l) => l.account),
      [SEED.own],
    );
    const owed = (await fixture.request(`/v1/netting/cycles/${SEED.cycle}/obligations`, { key })).body
      .items as { account: string }[];
    assert.deepEqual(
      owed.map((o) => o.account),
      [SEED.own],
    );
  });
});

/** The topic-fed reads answer 404 (solvency) or nothing until the API's tail has folded what was published. */
async function topicReadsShown(): Promise<void> {
  const key = keys.get('auditor');
  await eventually(
    async () => {
      const solvency = await fixture.request('/v1/solvency', { key });
      const cycles = await fixture.request('/v1/netting/cycles', { key });
      return solvency.status === 200 && (cycles.body.items as unknown[]).length > 0 ? true : undefined;
    },
    60_000,
    500,
  );
}
