import { MarketState, VolatilitySnapshot } from './market-state';

/** What the store needs of a database handle (a TypeORM DataSource or EntityManager, a pg client). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface VolatilityRow {
  readonly asset: string;
  readonly lambda: number;
  readonly period_ms: string;
  readonly period: string;
  readonly variance: number;
  readonly last_price: number;
  readonly observations: number;
}

/**
 * Only a later period (or other settings) replaces a row: every instance folds the same marks into the
 * same state, so concurrent writers agree and a late writer never moves a row back. float8 keeps a JS
 * number exactly, so a restored fold continues bit for bit.
 */
const UPSERT = `
  INSERT INTO collateral_volatility (asset, lambda, period_ms, period, variance, last_price, observations)
  SELECT * FROM unnest($1::text[], $2::float8[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[], $7::int[])
  ON CONFLICT (asset) DO UPDATE SET
    lambda = EXCLUDED.lambda, period_ms = EXCLUDED.period_ms, period = EXCLUDED.period,
    variance = EXCLUDED.variance, last_price = EXCLUDED.last_price, observations = EXCLUDED.observations,
    updated_at = now()
  WHERE collateral_volatility.period < EXCLUDED.period
     OR collateral_volatility.lambda <> EXCLUDED.lambda
     OR collateral_volatility.period_ms <> EXCLUDED.period_ms`;

export async function saveVolatility(db: SqlRunner, snapshots: readonly VolatilitySnapshot[]): Promise<void> {
  if (snapshots.length === 0) return;
  const column = <K extends keyof VolatilitySnapshot>(key: K) => snapshots.map((s) => s[key]);
  await db.query(UPSERT, [
    column('asset'),
    column('lambda'),
    column('periodMs'),
    column('period'),
    column('variance'),
    column('lastPrice'),
    column('observations'),
  ]);
}

export async function loadVolatility(db: SqlRunner): Promise<VolatilitySnapshot[]> {
  const rows = (await db.query(
    'SELECT asset, lambda, period_ms, period, variance, last_price, observations FROM collateral_volatility',
  )) as VolatilityRow[];
  return rows.map((row) => ({
    asset: row.asset,
    lambda: row.lambda,
    periodMs: Number(row.period_ms),
    period: Number(row.period),
    variance: row.variance,
    lastPrice: row.last_price,
    observations: row.observations,
  }));
}

/**
 * Restores the persisted states into `market` (before any mark); returns those ignored for other settings.
 * A service connects to Postgres in the background, so this retries (250 ms doubling to 5 s) until the
 * table answers or the service stops: marks must never be folded over a state not yet restored.
 */
export async function restoreVolatility(
  market: MarketState,
  db: SqlRunner,
  retry: { readonly stopped: () => boolean; readonly onFailure: (error: Error) => void },
): Promise<VolatilitySnapshot[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return market.restoreVolatility(await loadVolatility(db));
    } catch (error) {
      if (retry.stopped()) throw error;
      retry.onFailure(error as Error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 125 * 2 ** attempt)));
    }
  }
}

/** Every asset's state (a handful of rows): a save that failed is made good by the next observation's. */
export function persistVolatility(market: MarketState, db: SqlRunner): Promise<void> {
  return saveVolatility(db, market.volatilitySnapshots());
}
