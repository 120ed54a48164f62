import { databaseUrlFromEnv } from '@clearing/config';
import { createDataSource, migrate } from '@clearing/persistence';
import { MIGRATIONS } from '../../../../migrations';
import { CliCommand, parseArgs } from '../command';
import { waitForSchema } from './db-wait';

const DEFAULT_WAIT_MS = 600_000;

const USAGE = `usage: clearing db migrate|revert|status|wait [--schema NAME] [--timeout-ms MS]

  migrate   apply every pending migration in migrations/ (idempotent)
  revert    undo the most recent migration
  status    list migrations and whether each is applied
  wait      wait (default up to 600000 ms) until every migration of this build is applied; exit 1 if not

Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/clearing).`;

/** Schema changes are a deliberate step (here, or a k8s Job in production), never `synchronize`. */
export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'apply, revert, list or wait for database migrations',
  usage: USAGE,
  async run(args) {
    const { flags, positional } = parseArgs(args);
    const action = positional[0];
    if (!['migrate', 'revert', 'status', 'wait'].includes(action)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const schema = flags.get('schema') ?? process.env.DATABASE_SCHEMA;
    if (action === 'wait') return waitAction(schema, Number(flags.get('timeout-ms') ?? DEFAULT_WAIT_MS));
    const dataSource = createDataSource({
      url: databaseUrlFromEnv(),
      schema,
      migrations: MIGRATIONS,
      poolSize: 1,
    });
    await dataSource.initialize();
    try {
      return await runAction(action, dataSource, schema);
    } finally {
      await dataSource.destroy();
    }
  },
};

async function waitAction(schema: string | undefined, timeoutMs: number): Promise<number> {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    process.stderr.write('--timeout-ms must be a positive integer\n');
    return 2;
  }
  const current = await waitForSchema(databaseUrlFromEnv(), schema, timeoutMs);
  process.stdout.write(
    current ? 'database schema is current\n' : `schema not current after ${timeoutMs} ms\n`,
  );
  return current ? 0 : 1;
}

async function runAction(
  action: string,
  dataSource: ReturnType<typeof createDataSource>,
  schema?: string,
): Promise<number> {
  if (action === 'migrate') {
    const applied = await migrate(dataSource, schema);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  } else if (action === 'revert') {
    await dataSource.undoLastMigration({ transaction: 'each' });
    process.stdout.write('reverted the most recent migration\n');
  } else {
    const applied = new Set<string>(
      (await dataSource.query('SELECT name FROM typeorm_migrations').catch(() => [])).map(
        (r: { name: string }) => r.name,
      ),
    );
    for (const m of dataSource.migrations)
      process.stdout.write(`${applied.has(m.name!) ? 'applied' : 'pending'}  ${m.name}\n`);
  }
  return 0;
}
