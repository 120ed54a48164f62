import { ReadinessCheck } from './readiness-registry';

/** Anything that runs SQL: a TypeORM DataSource, a pg Pool or Client. */
export interface SqlQueryable {
  query(sql: string): Promise<unknown>;
}

/**
 * Ready while `SELECT 1` succeeds. A failure throws, and the registry reports it down with the driver's
 * message (which names the user or host, never the password).
 */
export function databaseReadinessCheck(db: SqlQueryable): ReadinessCheck {
  return async () => {
    await db.query('SELECT 1');
    return { up: true };
  };
}
