import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bindDatabaseToCluster } from './cluster-binding';

/**
 * A connection whose search_path names a schema that does not exist yet (a test's DATABASE_SCHEMA before
 * its migrations): current_schema() is NULL, the binding table is not visible, public has projections.
 */
function connectionOnMissingSchema(): { dataSource: DataSource; statements: string[] } {
  const statements: string[] = [];
  const answers: [RegExp, unknown[]][] = [
    [/current_schema\(\)/, [{ schema: null }]],
    [/to_regclass/, [{ present: false }]],
    [/information_schema\.tables/, [{ exists: true }]],
  ];
  const query = (sql: string) => {
    statements.push(sql);
    return Promise.resolve(answers.find(([pattern]) => pattern.test(sql))?.[1] ?? []);
  };
  return { dataSource: { query } as unknown as DataSource, statements };
}

describe('binding the infra-managed database to its Kafka cluster', () => {
  it('given a connection that is not on the public schema, when bound, then public is never dropped', async () => {
    const { dataSource, statements } = connectionOnMissingSchema();
    await bindDatabaseToCluster(dataSource, 'cluster-a', () => undefined).catch(() => undefined);
    assert.deepEqual(
      statements.filter((sql) => /DROP SCHEMA/i.test(sql)),
      [],
      'a provision with DATABASE_SCHEMA once dropped the machine’s public schema',
    );
  });
});
