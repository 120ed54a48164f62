// Helpers shared by this library's specs only (not exported from index.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';

/** Asserts `actual` rounds to `expected` at the number of decimals a published table prints. */
export function assertPrinted(actual: number, expected: number, decimals: number, what: string): void {
  const rounded = Number(actual.toFixed(decimals));
  assert.equal(rounded, expected, `${what}: computed ${actual}, published ${expected}`);
}

/** |actual - expected| <= relative * |expected| + absolute. */
export function assertClose(
  actual: number,
  expected: number,
  relative: number,
  absolute: number,
  what: string,
) {
  const allowed = relative * Math.abs(expected) + absolute;
  assert.ok(
    Math.abs(actual - expected) <= allowed,
    `${what}: ${actual} vs ${expected} (diff ${actual - expected}, allowed ${allowed})`,
  );
}

/** Central finite difference of f at x with step h. */
export function centralDifference(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

export const optionType = fc.constantFrom<'call' | 'put'>('call', 'put');

/** A finite double in [min, max]. */
export function between(min: number, max: number) {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}
