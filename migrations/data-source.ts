import { databaseUrlFromEnv } from '@clearing/config';
import { createDataSource } from '@clearing/persistence';
import { MIGRATIONS } from './index';

/**
 * The data-source file for the TypeORM CLI and `clearing db migrate|revert`:
 * `npx typeorm migration:run -d dist/migrations/data-source.js` works too.
 */
export default createDataSource({
  url: databaseUrlFromEnv(),
  schema: process.env.DATABASE_SCHEMA || undefined,
  migrations: MIGRATIONS,
  applicationName: 'clearing-migrations',
});
