import { EntityManager } from 'typeorm';

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
   * Absent: the rows are appended (a duplicate key fails the transaction). Present: ON CONFLICT (key)
   * DO UPDATE SET `set`, or DO NOTHING without `set`. Postgres refuses a key twice in one DO UPDATE
   * statement, so the caller coalesces rows per key first.
   */
  readonly onConflict?: { readonly key: readonly string[]; readonly set?: string };
}

/**
 * Writes a batch of rows in ONE statement through `db` (a projection passes the transaction its offsets
 * commit in), whatever the batch size: INSERT ... SELECT FROM unnest of one array per column. Statement
 * count per batch, not per row, is what keeps Postgres off a projection's critical path. COPY FROM STDIN
 * (pg-copy-streams) was measured against it for the projection's appends (issue 15, docs/PERFORMANCE.md):
 * the same Postgres and client CPU per row at 700 to 2,000 rows per batch, so it was not kept.
 */
export async function writeRows(db: EntityManager, spec: RowTable, rows: readonly Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map((c) => c.name).join(', ');
  const arrays = spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  await db.query(
    `INSERT INTO ${spec.table} (${names}) SELECT * FROM unnest(${arrays})${conflictClause(spec.onConflict)}`,
    spec.columns.map((_, i) => arrayLiteral(rows, i)),
  );
}

const NEEDS_ESCAPE = /[\\"]/;

/**
 * Column `column` of `rows` as the Postgres array literal node-postgres would send for the same cells
 * (each quoted, `\` and `"` escaped, NULL bare; Postgres parses it the same way), built here because pg's
 * generic path, two regular-expression replaces per cell, was 4 to 5 % of a projection's CPU (issue 15).
 */
export function arrayLiteral(rows: readonly (readonly Cell[])[], column: number): string {
  let literal = '{';
  for (let i = 0; i < rows.length; i++) {
    const cell = rows[i][column];
    if (i > 0) literal += ',';
    if (cell === null) {
      literal += 'NULL';
      continue;
    }
    const text = String(cell);
    literal += NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
  }
  return `${literal}}`;
}

function conflictClause(onConflict: RowTable['onConflict']): string {
  if (!onConflict) return '';
  const action = onConflict.set ? `DO UPDATE SET ${onConflict.set}` : 'DO NOTHING';
  return ` ON CONFLICT (${onConflict.key.join(', ')}) ${action}`;
}
