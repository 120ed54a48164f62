import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databaseReadinessCheck } from './database-check';
import { ReadinessRegistry } from './readiness-registry';

describe('ReadinessRegistry', () => {
  it('given no checks, when evaluated, then there is nothing to wait for', async () => {
    assert.deepEqual(await new ReadinessRegistry().evaluate(), []);
  });

  it('given checks that pass, fail, throw and hang, when evaluated, then only the passing one is up', async () => {
    const registry = new ReadinessRegistry(50);
    registry.register('kafka', async () => ({ up: true, detail: { joined: true } }));
    registry.register('lag', async () => ({ up: false, detail: { lagMessages: 12_000 } }));
    registry.register('broken', async () => Promise.reject(new Error('boom')));
    registry.register('hung', () => new Promise(() => undefined));
    const results = await registry.evaluate();
    assert.deepEqual(results, [
      { name: 'kafka', up: true, detail: { joined: true } },
      { name: 'lag', up: false, detail: { lagMessages: 12_000 } },
      { name: 'broken', up: false, detail: { error: 'boom' } },
      { name: 'hung', up: false, detail: { error: 'no answer within 50 ms' } },
    ]);
  });

  it('given a name already registered, when registered again, then it refuses instead of hiding a check', () => {
    const registry = new ReadinessRegistry();
    registry.register('db', async () => ({ up: true }));
    assert.throws(() => registry.register('db', async () => ({ up: true })), /already registered/);
    registry.unregister('db');
    assert.deepEqual(registry.names(), []);
  });
});

describe('databaseReadinessCheck', () => {
  it('given a database answering SELECT 1, then it is up', async () => {
    const seen: string[] = [];
    const check = databaseReadinessCheck({ query: async (sql) => seen.push(sql) });
    assert.deepEqual(await check(), { up: true });
    assert.deepEqual(seen, ['SELECT 1']);
  });

  it('given a database refusing connections, when registered, then the registry reports it down with the reason', async () => {
    const registry = new ReadinessRegistry();
    registry.register(
      'database',
      databaseReadinessCheck({ query: () => Promise.reject(new Error('ECONNREFUSED')) }),
    );
    assert.deepEqual(await registry.evaluate(), [
      { name: 'database', up: false, detail: { error: 'ECONNREFUSED' } },
    ]);
  });
});
