// Documentary aliases for the string formats defined in schemas/common.v1.schema.json.

/** Decimal string (`-12.5`), never a JSON number; see `decimal` in common.v1.schema.json. */
export type DecimalString = string;
/** RFC 3339 date-time with an explicit offset: `2026-01-02T03:04:05.678Z`. */
export type Timestamp = string;
export type AccountIdString = string;
export type InstrumentSymbol = string;
export type AssetCodeString = string;
export type Side = 'buy' | 'sell';
