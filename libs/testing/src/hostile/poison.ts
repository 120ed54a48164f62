import fc from 'fast-check';

/** One adversarial value and what makes it adversarial (the label is counted in reports, never asserted). */
export interface Poison<T = unknown> {
  readonly label: string;
  readonly value: T;
}

const labelled = <T>(label: string, arb: fc.Arbitrary<T>): fc.Arbitrary<Poison<T>> =>
  arb.map((value) => ({ label, value }));
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Values that are not decimal strings at all. */
export const wrongType: fc.Arbitrary<Poison> = labelled(
  'wrong-type',
  fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object()),
);

/** Decimal strings beyond the contracts' bounds or shape: overlong, huge, tiny, exponents, signs. */
export const poisonDecimal: fc.Arbitrary<Poison> = fc.oneof(
  wrongType,
  labelled(
    'overlong-decimals',
    digits(19, 60).map((d) => `1.${d}1`),
  ),
  labelled(
    'huge',
    digits(21, 80).map((d) => `9${d}`),
  ),
  labelled(
    'tiny',
    fc.integer({ min: 19, max: 80 }).map((zeros) => `0.${'0'.repeat(zeros)}1`),
  ),
  labelled('exponent', fc.constantFrom('1e3', '6.5E4', '1e-7', 'Infinity', 'NaN')),
  labelled('sign', fc.constantFrom('-1', '+1', '-0', '0', '00.1', ' 1', '1 ', '')),
);

/** Timestamps outside the contracts' window (1970-2199) or not RFC 3339. */
export const poisonTimestamp: fc.Arbitrary<Poison> = fc.oneof(
  wrongType,
  labelled(
    'far-past',
    fc.constantFrom('0000-01-01T00:00:00Z', '1066-10-14T09:00:00Z', '1969-12-31T23:59:59Z'),
  ),
  labelled('far-future', fc.constantFrom('2200-01-01T00:00:00Z', '9999-12-31T23:59:59Z')),
  labelled('not-a-date', fc.constantFrom('2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', '')),
);

/** Raw record values no JSON decoder should get past: they test the bytes layer, whatever the topic. */
export const poisonBytes: fc.Arbitrary<Poison<Buffer | null>> = fc.oneof(
  labelled('null-value', fc.constant(null)),
  labelled('empty', fc.constant(Buffer.alloc(0))),
  labelled(
    'invalid-utf8',
    fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((b) => Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), b])),
  ),
  labelled(
    'deep-json',
    fc
      .integer({ min: 1_000, max: 20_000 })
      .map((depth) => Buffer.from('['.repeat(depth) + ']'.repeat(depth))),
  ),
  labelled(
    'oversized',
    fc.integer({ min: 65 * 1024, max: 200 * 1024 }).map((n) => Buffer.from(`"${'x'.repeat(n)}"`)),
  ),
  labelled(
    'not-json',
    fc.string({ maxLength: 40 }).map((s) => Buffer.from(`{${s}`)),
  ),
);
