import assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { MarginRouter } from './margin-router';
import { RoutingSettings } from './routing.settings';

const SETTINGS: RoutingSettings = {
  partitionCount: 6,
  directoryTtlMs: 60_000,
  advertMaxAgeMs: 5_000,
  callTimeoutMs: 2_000,
  serviceCredential: 'c'.repeat(32),
};

/** An instance that answers every call with `status`, recording what it was sent. */
async function instance(status: number): Promise<{ url: string; server: Server; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    calls.push(`${request.method} ${request.url} ${request.headers['x-clearing-service-credential']}`);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ from: status }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, calls };
}

/** service_instances as successive reads return it: each read takes the next snapshot. */
function directory(...snapshots: { url: string; partitions: number[] }[][]): DataSource {
  let reads = 0;
  const query = async () => {
    const rows = snapshots[Math.min(reads++, snapshots.length - 1)];
    return rows.map((r) => ({ instance_id: r.url, ...r }));
  };
  return { query } as unknown as DataSource;
}

const ALL = [0, 1, 2, 3, 4, 5];

describe('routing a per-account call to the owning margin calculator', () => {
  let moved: Awaited<ReturnType<typeof instance>>;
  let owner: Awaited<ReturnType<typeof instance>>;
  before(async () => {
    moved = await instance(421);
    owner = await instance(200);
  });
  after(() => {
    moved.server.close();
    owner.server.close();
  });

  it('given the owner it knew turns it away (421, a rebalance), then it reads the directory again and reaches the new owner', async () => {
    const router = new MarginRouter(
      directory([{ url: moved.url, partitions: ALL }], [{ url: owner.url, partitions: ALL }]),
      SETTINGS,
    );
    const answer = await router.call('alice', 'POST', 'what-if', { trades: [] });
    assert.deepEqual(answer, { status: 200, body: { from: 200 } });
    assert.deepEqual(owner.calls, [`POST /accounts/alice/what-if ${SETTINGS.serviceCredential}`]);
    assert.equal(moved.calls.length, 1);
  });

  it('given nothing listens at the advertised address (a lost instance), then the retry finds the owner', async () => {
    const router = new MarginRouter(
      directory([{ url: 'http://127.0.0.1:1', partitions: ALL }], [{ url: owner.url, partitions: ALL }]),
      SETTINGS,
    );
    assert.equal((await router.call('bob', 'GET', 'margin')).status, 200);
  });

  it('given no instance advertises the partition, then 503: the caller retries shortly', async () => {
    const router = new MarginRouter(directory([{ url: owner.url, partitions: [] }]), SETTINGS);
    await assert.rejects(
      router.call('carol', 'GET', 'margin'),
      (error: { getStatus(): number }) => error.getStatus() === 503,
    );
  });

  it('given several calls to one owner, then they share one kept-alive connection', async () => {
    let connections = 0;
    owner.server.on('connection', () => connections++);
    const router = new MarginRouter(directory([{ url: owner.url, partitions: ALL }]), SETTINGS);
    for (const account of ['dave', 'erin', 'frank']) await router.call(account, 'GET', 'margin');
    assert.equal(connections, 1);
    router.onApplicationShutdown();
  });

  it('given the owner does not answer in time, then 504 and the call is not sent twice', async () => {
    let received = 0;
    const silent = createServer(() => received++);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const router = new MarginRouter(directory([{ url, partitions: ALL }]), {
      ...SETTINGS,
      callTimeoutMs: 200,
    });
    await assert.rejects(
      router.call('gina', 'POST', 'withdrawals', {}),
      (error: { getStatus(): number }) => error.getStatus() === 504,
    );
    assert.equal(received, 1);
    silent.closeAllConnections();
    silent.close();
  });
});
