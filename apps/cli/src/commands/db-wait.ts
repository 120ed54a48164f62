import { setTimeout as sleep } from 'node:timers/promises';
import { createDataSource } from '@clearing/persistence';
import { MIGRATIONS } from '../../../../migrations';

const POLL_MS = 2_000;

/**
 * Until the database holds every migration this build ships (a k8s init container runs it before a
 * service starts, so a new image never runs on an older schema while the migration Job is still at
 * work). Connection errors count as "not yet": Postgres may still be starting. Resolves false on timeout.
 */
export async function waitForSchema(
  url: string,
  schema: string | undefined,
  timeoutMs: number,
): Promise<boolean> {
  const deadlineMs = Date.now() + timeoutMs;
  for (;;) {
    if (await schemaIsCurrent(url, schema).catch(() => false)) return true;
    if (Date.now() + POLL_MS > deadlineMs) return false;
    await sleep(POLL_MS);
  }
}

async function schemaIsCurrent(url: string, schema: string | undefined): Promise<boolean> {
  const dataSource = createDataSource({ url, schema, migrations: MIGRATIONS, poolSize: 1 });
  await dataSource.initialize();
  try {
    // true while a migration of this build is not yet applied (TypeORM compares names with its table)
    return !(await dataSource.showMigrations());
  } finally {
    await dataSource.destroy();
  }
}
