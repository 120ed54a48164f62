import { Client } from 'pg';
import { databaseName, withDatabase } from './endpoints';

/** Postgres error codes this module acts on. */
const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';

async function withClient<T>(
  url: string,
  timeoutMs: number,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the server behind `databaseUrl` accepts this user, asked through its `postgres` database so a
 * database that does not exist yet still counts as a server that answers.
 */
export async function postgresServerAnswers(databaseUrl: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await withClient(withDatabase(databaseUrl, 'postgres'), timeoutMs, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** Whether the database itself (not just its server) accepts a query. */
export async function databaseAnswers(databaseUrl: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await withClient(databaseUrl, timeoutMs, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** Creates the URL's database if absent; returns whether it did. Two concurrent callers both succeed. */
export async function ensureDatabase(databaseUrl: string, timeoutMs = 5000): Promise<boolean> {
  try {
    await withClient(databaseUrl, timeoutMs, (client) => client.query('SELECT 1'));
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  }
  const name = databaseName(databaseUrl);
  return withClient(withDatabase(databaseUrl, 'postgres'), timeoutMs, async (client) => {
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === DUPLICATE_DATABASE) return false;
      throw error;
    }
  });
}
