import { DecodeResult } from '@clearing/kafka';

/**
 * A minimal payment-like message for exercising the generic loop without the domain contracts:
 * `{"id": "...", "amount": "12.5"}` with the amount as a decimal string, never a JSON number.
 */
export interface SampleMessage {
  id: string;
  amount: string;
}

export function decodeSample(_topic: string, value: Buffer | null): DecodeResult<SampleMessage> {
  if (!value || value.length === 0) return { ok: false, reason: 'empty message', code: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}`, code: 'not-json' };
  }
  const candidate = parsed as Partial<SampleMessage>;
  if (
    typeof candidate.id !== 'string' ||
    typeof candidate.amount !== 'string' ||
    !/^-?\d+(\.\d+)?$/.test(candidate.amount)
  ) {
    return { ok: false, reason: 'expected {id: string, amount: decimal string}', code: 'schema' };
  }
  return { ok: true, value: { id: candidate.id, amount: candidate.amount } };
}

export function sampleMessages(count: number, prefix = 'm'): { key: string; value: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `acct-${i % 17}`,
    value: JSON.stringify({ id: `${prefix}-${i}`, amount: `${i}.${String(i % 100).padStart(2, '0')}` }),
  }));
}

/** Kinds of garbage an upstream producer really sends. */
export const MALFORMED_VALUES: readonly string[] = [
  '{not json',
  '{"id":"x","amount":12.5}',
  '{"amount":"1"}',
  '',
  '\u00ff\u00fe binary',
];

/** Test projection: deliberately NOT idempotent (no unique key, a running total) so a double apply shows. */
export const SAMPLE_PROJECTION_DDL = [
  'CREATE TABLE sample_projection (id text NOT NULL, amount numeric(38, 2) NOT NULL, source_offset bigint NOT NULL)',
  'CREATE TABLE sample_totals (name text PRIMARY KEY, message_count bigint NOT NULL, amount_sum numeric(38, 2) NOT NULL)',
  "INSERT INTO sample_totals VALUES ('all', 0, 0)",
];
