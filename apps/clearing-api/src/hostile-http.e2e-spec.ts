import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SEED, seedBook } from './testing/api-seed';
import { ApiFixture } from './testing/api-fixture';
import { HostileRequest, hostileRequest, KeyChoice } from './testing/hostile-requests';

const SEED_VALUE = Number(process.env.API_HOSTILE_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.API_HOSTILE_RUNS ?? 360);
/** Low enough to be reached by the rate-limit test below, high enough for the hostile run per key. */
const RATE_LIMIT_PER_MINUTE = 400;

const fixture = new ApiFixture();
const keys: Partial<Record<Exclude<KeyChoice, { raw: string }>, string>> = {};

function authorization(choice: KeyChoice): Record<string, string> {
  if (typeof choice === 'object') return choice.raw === '' ? {} : { authorization: choice.raw };
  const key = keys[choice];
  return key === undefined ? {} : { authorization: `Bearer ${key}` };
}

describe(`hostile HTTP requests (API_HOSTILE_SEED=${SEED_VALUE}, ${RUNS} requests)`, () => {
  before(async () => {
    await fixture.open({ API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE) });
    await seedBook(fixture.database.dataSource);
    keys.admin = await fixture.key('admin');
    keys.operator = await fixture.key('operator');
    keys.account = await fixture.key('account', SEED.own);
  });
  after(() => fixture.close());

  it('given generated hostile requests, when sent, then each gets its 4xx problem with a reason and none a 5xx', async () => {
    const requests = fc.sample(hostileRequest, { seed: SEED_VALUE, numRuns: RUNS });
    const wrong: string[] = [];
    const byLabel = new Map<string, number>();
    for (const request of requests) {
      const response = await send(request);
      byLabel.set(request.label, (byLabel.get(request.label) ?? 0) + 1);
      const detail = response.body.detail;
      const problem =
        response.contentType === 'application/problem+json' && typeof detail === 'string' && detail !== '';
      if (!request.expect.includes(response.status) || !problem) {
        wrong.push(
          `${request.label} ${request.method} ${request.path.slice(0, 120)} -> ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
      }
    }
    assert.ok(requests.length >= 300);
    assert.deepEqual(wrong, [], `kinds sent: ${JSON.stringify(Object.fromEntries(byLabel))}`);
  });

  it('given the hostile run, then the API still serves and the book is untouched', async () => {
    const accounts = await fixture.request('/v1/accounts', { key: keys.operator });
    assert.equal(accounts.status, 200);
    assert.deepEqual(
      (accounts.body.items as { accountId: string }[]).map((a) => a.accountId),
      [SEED.own, SEED.sub, SEED.other],
    );
    const [{ count }] = await fixture.database.dataSource.query(
      'SELECT count(*)::int AS count FROM api_keys',
    );
    assert.equal(count, 3, 'no hostile request created a key');
  });

  it('given one key over its rate limit, when it calls again, then it gets 429 with Retry-After as a problem', async () => {
    const key = await fixture.key('auditor');
    for (let i = 0; i < RATE_LIMIT_PER_MINUTE; i++)
      assert.equal((await fixture.request('/v1/instruments', { key })).status, 200);
    const response = await fetch(`${fixture.baseUrl}/v1/instruments`, {
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.ok(Number(response.headers.get('retry-after')) > 0);
    const other = await fixture.request('/v1/instruments', { key: keys.operator });
    assert.equal(other.status, 200, 'another key keeps its own limit');
  });
});

function send(request: HostileRequest) {
  return fixture.request(request.path, {
    method: request.method,
    headers: { ...authorization(request.key), ...request.headers },
    body: request.body,
  });
}
