import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

export type ColumnType = 'text' | 'numeric' | 'bigint' | 'int' | 'timestamptz' | 'jsonb';

/**
 * One cell of a row. Amounts are decimal strings (a bigint formatted at its scale), never a JS number;
 * a bigint is written as its exact integer text; jsonb cells are JSON text.
 */
export type Cell = string | number | bigint | null;

export interface RowTable {
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  /**
   * Absent: the rows are appended (COPY; a duplicate key fails the transaction). Present: one multi-row
   * INSERT ... ON CONFLICT (key) DO UPDATE SET `set`, or DO NOTHING without `set`. Postgres refuses a
   * key twice in one upsert statement, so the caller coalesces rows per key first.
   */
  readonly onConflict?: { readonly key: readonly string[]; readonly set?: string };
}

/**
 * Writes a batch of rows in ONE statement through the caller's transaction (the one its offsets commit
 * in), whatever the batch size: COPY FROM STDIN for append-only tables, an unnest upsert otherwise.
 * Statement count per batch, not per row, is what keeps Postgres off a projection's critical path.
 */
export async function writeRows(db: EntityManager, spec: RowTable, rows: readonly Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  if (spec.onConflict) await upsertRows(db, spec, spec.onConflict, rows);
  else await copyRows(await transactionClient(db), spec, rows);
}

async function upsertRows(
  db: EntityManager,
  spec: RowTable,
  onConflict: NonNullable<RowTable['onConflict']>,
  rows: readonly Cell[][],
): Promise<void> {
  const names = spec.columns.map((c) => c.name).join(', ');
  const arrays = spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const action = onConflict.set ? `DO UPDATE SET ${onConflict.set}` : 'DO NOTHING';
  await db.query(
    `INSERT INTO ${spec.table} (${names}) SELECT * FROM unnest(${arrays})
     ON CONFLICT (${onConflict.key.join(', ')}) ${action}`,
    spec.columns.map((_, i) => rows.map((row) => textOf(row[i]))),
  );
}

async function copyRows(client: PoolClient, spec: RowTable, rows: readonly Cell[][]): Promise<void> {
  const names = spec.columns.map((c) => c.name).join(', ');
  const text = rows.map((row) => row.map(copyText).join('\t')).join('\n') + '\n';
  await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${spec.table} (${names}) FROM STDIN`)));
}

/** COPY must run on the transaction's own connection, or the rows would commit apart from the offsets. */
async function transactionClient(db: EntityManager): Promise<PoolClient> {
  const runner = db.queryRunner as PostgresQueryRunner | undefined;
  if (!runner?.isTransactionActive) throw new Error('writeRows appends only inside a transaction');
  return (await runner.connect()) as PoolClient;
}

function textOf(cell: Cell): string | null {
  return cell === null ? null : String(cell);
}

/** COPY's text format: \N is NULL; backslash, tab, newline and carriage return are escaped. */
function copyText(cell: Cell): string {
  if (cell === null) return '\\N';
  return String(cell).replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]);
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
