import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { assertSchemaName } from '@clearing/persistence';

/**
 * Every table the journal projection derives from the journal alone, all columns included (offsets and
 * sequences too: a replay of the same topic must reproduce them). Checkpoints, fill claims and config-fed
 * reference data are not derived from the journal, so they are not compared.
 */
export const PROJECTION_TABLES = ['balances', 'positions', 'journal_index', 'fill_legs'] as const;

export interface TableHash {
  readonly table: string;
  readonly rows: number;
  readonly sha256: string;
}

export interface ProjectionHash {
  readonly sha256: string;
  readonly tables: readonly TableHash[];
}

/**
 * Canonical hash of rows: columns by name, each value as Postgres text (so NUMERIC compares exactly,
 * `1.50` and `1.5` being different only if the column scales differ), rows sorted by their encoding, so
 * neither physical order nor column order matters.
 */
export function hashRows(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  const hash = createHash('sha256').update(`${JSON.stringify(columns)}\n`);
  const lines = rows.map((row) => JSON.stringify(row)).sort();
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}

export function combineHashes(tables: readonly TableHash[]): string {
  const hash = createHash('sha256');
  for (const t of tables) hash.update(`${t.table}:${t.sha256}\n`);
  return hash.digest('hex');
}

/** Hashes the projection tables of `schema` in one REPEATABLE READ snapshot. */
export async function hashProjection(dataSource: DataSource, schema: string): Promise<ProjectionHash> {
  assertSchemaName(schema);
  const tables = await dataSource.transaction('REPEATABLE READ', async (db) => {
    const hashes: TableHash[] = [];
    for (const table of PROJECTION_TABLES) hashes.push(await hashTable(db, schema, table));
    return hashes;
  });
  return { sha256: combineHashes(tables), tables };
}

async function hashTable(db: EntityManager, schema: string, table: string): Promise<TableHash> {
  const columns: string[] = (
    await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2
       ORDER BY column_name`,
      [schema, table],
    )
  ).map((c: { column_name: string }) => c.column_name);
  if (columns.length === 0) throw new Error(`table ${schema}.${table} does not exist`);
  const select = columns.map((c) => `"${c}"::text`).join(', ');
  const rows: { r: (string | null)[] }[] = await db.query(
    `SELECT ARRAY[${select}] AS r FROM "${schema}"."${table}"`,
  );
  return {
    table,
    rows: rows.length,
    sha256: hashRows(
      columns,
      rows.map((row) => row.r),
    ),
  };
}
