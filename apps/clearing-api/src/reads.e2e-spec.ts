import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseApiKey } from '@clearing/access';
import { DEV_SERVICE_CREDENTIAL } from '@clearing/config';
import { RESUME_HALT_PATH, resumeRequest } from '@clearing/kafka';
import { eventually, publishRaw } from '@clearing/testing';
import { ApiFixture } from './testing/api-fixture';
import { SEED, seedBook, seedTopics } from './testing/api-seed';

/** dist/apps/clearing-api/src -> apps/cli/bin/clearing.js (the bin runs the compiled CLI). */
const CLI = path.resolve(__dirname, '..', '..', '..', '..', 'apps', 'cli', 'bin', 'clearing.js');
const fixture = new ApiFixture();
let metrics: Server;
const marginInstances: Server[] = [];
let adminKey = '';
let operatorKey = '';
let accountKey = '';

/** `clearing keys ...` on the fixture's schema, as an operator would run it. */
async function cli(...args: string[]): Promise<string> {
  const env = { ...process.env, DATABASE_SCHEMA: fixture.database.schema };
  return (await promisify(execFile)(process.execPath, [CLI, 'keys', ...args], { env })).stdout.trim();
}

/** A service's /metrics with one partition halted and one flowing. */
async function haltingService(): Promise<string> {
  metrics = createServer((_, response) =>
    response.end(
      'clearing_partition_halted{topic="ledger.commands.v1",partition="2",reason="balance invariant broken"} 1\n' +
        'clearing_partition_halted{topic="ledger.commands.v1",partition="3",reason=""} 0\n',
    ),
  );
  await new Promise<void>((resolve) => metrics.listen(0, '127.0.0.1', resolve));
  return `position-aggregator=http://127.0.0.1:${(metrics.address() as AddressInfo).port}`;
}

/**
 * One margin-calculator instance as the API reaches it: its halt gauge on /metrics and the internal resume
 * endpoint, decided by the services' own resumeRequest over the halts it holds (`topic:partition`).
 */
async function marginInstance(halted: Set<string>): Promise<string> {
  const loop = {
    resumeHalted: async (topic: string, partition: number) => halted.delete(`${topic}:${partition}`),
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://instance');
    if (url.pathname !== RESUME_HALT_PATH) {
      const gauge = ([topic, partition]: string[]) =>
        `clearing_partition_halted{topic="${topic}",partition="${partition}",reason="negative balance"} 1`;
      return response.end([...halted].map((key) => gauge(key.split(':'))).join('\n'));
    }
    const query = Object.fromEntries(url.searchParams);
    void resumeRequest([loop], DEV_SERVICE_CREDENTIAL, { headers: request.headers, query }).then(
      ({ status, body }) => response.writeHead(status).end(JSON.stringify(body)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  marginInstances.push(server);
  return `margin-calculator=http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const get = (urlPath: string, key = operatorKey) => fixture.request(urlPath, { key });

before(async () => {
  const services = [
    await haltingService(),
    await marginInstance(new Set()),
    await marginInstance(new Set(['ledger.journal.v1:4'])),
  ];
  await fixture.open({ CLEARING_SERVICE_URLS: services.join(',') });
  await seedBook(fixture.database.dataSource);
  await seedTopics((topic, messages) => publishRaw(fixture.kafka.kafka, topic, messages), fixture.topics);
  adminKey = await cli('create', '--role', 'admin', '--label', 'e2e');
  operatorKey = (
    await fixture.request('/v1/admin/api-keys', {
      method: 'POST',
      key: adminKey,
      body: { role: 'operator' },
    })
  ).body.key as string;
  accountKey = await cli('create', '--role', 'account', '--account', SEED.own);
});
after(async () => {
  await fixture.close();
  metrics.close();
  for (const server of marginInstances) server.close();
});

describe('account reads over HTTP with API keys against the running API', () => {
  it('given 2 BTC-PERP bought at 60,000 and marked at 61,000, when the account reads positions, then unrealized is 2,000', async () => {
    const { body } = await get(`/v1/accounts/${SEED.own}/positions`, accountKey);
    assert.deepEqual(body.items, [
      {
        instrument: 'BTC-PERP',
        quantity: '2',
        cost: '120000',
        averageEntryPrice: '60000',
        realizedPnl: '0',
        settlementAsset: 'USDC',
        markPrice: '61000',
        markAsOf: '2026-12-01T00:00:00+00:00',
        unrealizedPnl: '2000',
      },
    ]);
  });

  it('given a deposit and a fill, when the statement of 1 December is read, then only the fill is on it with its leg', async () => {
    const { body } = await get(
      `/v1/accounts/${SEED.own}/statement?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z`,
      accountKey,
    );
    const items = body.items as { eventId: string; fills: unknown[] }[];
    assert.deepEqual(
      items.map((e) => e.eventId),
      ['ev-2'],
    );
    assert.deepEqual(items[0].fills, [
      { fillId: 'fill-1', side: 'buy', instrument: 'BTC-PERP', quantity: '2', price: '60000' },
    ]);
  });

  it('given the projections, when balances and margin are read, then the amounts are exact decimal strings', async () => {
    assert.deepEqual((await get(`/v1/accounts/${SEED.own}/balances`)).body.items, [
      { asset: 'USDC', amount: '1000000.5', lastSequence: 2 },
    ]);
    const margin = (await get(`/v1/accounts/${SEED.own}/margin`, accountKey)).body;
    assert.equal(margin.band, 'healthy');
    assert.equal(margin.imUsd, '12000.00');
    assert.equal(margin.freeCollateralUsd, '990000.50');
    assert.equal(margin.healthRatio, 12.5);
  });

  it('given an open case, when an operator reads it, then its steps are listed', async () => {
    const { body } = await get(`/v1/liquidations/${encodeURIComponent(SEED.otherCase)}`);
    assert.equal(body.phase, 'liquidating');
    assert.deepEqual(
      (body.stepLog as { action: string }[]).map((s) => s.action),
      ['liquidation'],
    );
  });

  it('given an option marked at 55 vol, when the vol surface is read, then it shows strike, expiry and vol', async () => {
    const { body } = await get('/v1/vol-surface?underlying=BTC');
    const [point] = body.items as Record<string, string>[];
    assert.deepEqual(
      [point.instrument, point.strike, point.expiry, point.vol],
      ['BTC-27DEC26-60000-C', '60000', '2026-12-27T08:00:00Z', '0.55'],
    );
  });
});

describe('system reads over HTTP', () => {
  it('given facts on the topics, when Cover 2, netting and dead letters are read, then they show what was published', async () => {
    const solvency = await eventually(async () =>
      (await get('/v1/solvency')).status === 200 ? (await get('/v1/solvency')).body : undefined,
    );
    assert.equal(solvency.requiredUsd, '2000.00');
    const cycles = await eventually(
      async () => ((await get('/v1/netting/cycles')).body.items as { byAsset: unknown[] }[])[0],
    );
    assert.deepEqual(cycles.byAsset, [{ asset: 'USDC', gross: '200', net: '100', nettingEfficiency: '0.5' }]);
    const letter = await eventually(
      async () => ((await get('/v1/dead-letters')).body.items as Record<string, unknown>[])[0],
    );
    assert.deepEqual(
      [letter.reason, letter.sourcePartition, letter.sourceOffset],
      ['/price must be string', 3, '1042'],
    );
  });

  it('given a service reporting a halted partition, when halted partitions are read, then exactly that one is listed', async () => {
    const { body } = await get('/v1/halted-partitions');
    const aggregator = `http://127.0.0.1:${(metrics.address() as AddressInfo).port}`;
    assert.deepEqual(
      (body.halted as { service: string }[]).filter((h) => h.service === 'position-aggregator'),
      [
        {
          service: 'position-aggregator',
          topic: 'ledger.commands.v1',
          partition: 2,
          reason: 'balance invariant broken',
          instance: aggregator,
        },
      ],
    );
  });
});

describe('a halt on the second of two margin-calculator instances', () => {
  const journal4 = { service: 'margin-calculator', topic: 'ledger.journal.v1', partition: 4 };
  const resume = () =>
    fixture.request('/v1/admin/halted-partitions/resume', { method: 'POST', key: adminKey, body: journal4 });
  const marginHalts = async () =>
    ((await get('/v1/halted-partitions')).body.halted as { service: string; instance: string }[]).filter(
      (h) => h.service === 'margin-calculator',
    );

  it('when halted partitions are read, then it is listed once, naming the instance that holds it', async () => {
    const second = `http://127.0.0.1:${(marginInstances[1].address() as AddressInfo).port}`;
    assert.deepEqual(await marginHalts(), [{ ...journal4, reason: 'negative balance', instance: second }]);
  });

  it('when an admin resumes it, then the instance that holds it resumes it, wherever it is listed', async () => {
    const { status, body } = await resume();
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.resumed, true);
    assert.deepEqual(await marginHalts(), []);
  });

  it('when it is resumed again, then no instance holds it: 404', async () => {
    assert.equal((await resume()).status, 404);
  });
});

describe('keys, logs and the OpenAPI document', () => {
  it('given a key revoked with the CLI, when it calls again, then it gets 401', async () => {
    assert.equal((await get('/v1/accounts', accountKey)).status, 200);
    await cli('revoke', parseApiKey(accountKey)!.keyId);
    const refused = await get('/v1/accounts', accountKey);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.detail, 'invalid or revoked API key');
  });

  it('given every request so far, then no key secret is in the API log', () => {
    for (const key of [operatorKey, accountKey])
      assert.equal(fixture.output().includes(parseApiKey(key)!.secret), false);
    assert.match(fixture.output(), /"authorization":"\[Redacted\]"/);
  });

  it('given the OpenAPI document, then it has the bearer scheme, the problem schema and response schemas', async () => {
    const document = (await fixture.request('/docs-json')).body as {
      components: { securitySchemes: object; schemas: Record<string, unknown> };
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
    };
    assert.deepEqual(Object.keys(document.components.securitySchemes), ['apiKey']);
    assert.ok(document.components.schemas.Problem);
    const positions = document.paths['/v1/accounts/{accountId}/positions'].get;
    assert.deepEqual(positions.security, [{ apiKey: [] }]);
    assert.ok(positions.responses['200'] && positions.responses['401'] && positions.responses['404']);
  });
});
