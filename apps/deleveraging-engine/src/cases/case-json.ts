import { LiquidationCase } from '@clearing/liquidation';

// A case is stored as jsonb: its bigints (quantities, prices, fees of the pending step) travel as
// {"$bigint": "<decimal>"} so the re-issued step is bit for bit the one first issued.

export function caseToJson(state: LiquidationCase): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'bigint' ? { $bigint: value.toString() } : value,
  );
}

export function caseFromJson(json: unknown): LiquidationCase {
  return JSON.parse(JSON.stringify(json), (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && Object.keys(value).length === 1) {
      const big = (value as { $bigint?: unknown }).$bigint;
      if (typeof big === 'string') return BigInt(big);
    }
    return value;
  }) as LiquidationCase;
}
