import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idempotencyKeyOf } from './idempotency-key';

describe('Idempotency-Key', () => {
  it('given a key in the command-id alphabet, then it is the command id', () => {
    assert.equal(idempotencyKeyOf({ 'idempotency-key': 'w-2026-12-06:1' }), 'w-2026-12-06:1');
  });

  it('given no key, then 400 saying it is required', () => {
    assert.throws(() => idempotencyKeyOf({}), /Idempotency-Key header is required/);
  });

  it('given an injection string, a space, an empty or a 129-character key, then 400', () => {
    for (const key of ["x'; DROP TABLE accounts; --", 'a b', '', 'k'.repeat(129), '-leading'])
      assert.throws(() => idempotencyKeyOf({ 'idempotency-key': key }), /Idempotency-Key must be/, key);
  });
});
