import { databaseUrlFromEnv } from '@clearing/config';
import { createDataSource, migrate } from '@clearing/persistence';
import { MIGRATIONS } from '../../../../migrations';
import { CliCommand, parseArgs } from '../command';

const USAGE = `usage: clearing db migrate|revert|status [--schema NAME]

  migrate   apply every pending migration in migrations/ (idempotent)
  revert    undo the most recent migration
  status    list migrations and whether each is applied

Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/clearing).`;

/** Schema changes are a deliberate step (here, or a k8s Job in production), never `synchronize`. */
export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'apply, revert or list database migrations',
  usage: USAGE,
  async run(args) {
    const { flags, positional } = parseArgs(args);
    const action = positional[0];
    if (!['migrate', 'revert', 'status'].includes(action)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const schema = flags.get('schema') ?? process.env.DATABASE_SCHEMA;
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
