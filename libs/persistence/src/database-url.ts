/** The one default every service, test and CLI command agrees on (docker-compose uses the same). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/clearing';

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : DEFAULT_DATABASE_URL;
}

/** Schema names are interpolated into DDL, so only plain identifiers are accepted. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return schema;
}
