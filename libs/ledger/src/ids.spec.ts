import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifyIdempotency, contentHash, deterministicId, IdempotencyCheck } from './ids';

describe('deterministicId', () => {
  it('given the same parts, then the same RFC 9562 v8 UUID every time', () => {
    const id = deterministicId('fills.v1', '3', '1042', 'leg-0');
    assert.equal(id, deterministicId('fills.v1', '3', '1042', 'leg-0'));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('given parts that concatenate alike, then ids differ (parts are length-prefixed)', () => {
    assert.notEqual(deterministicId('a|b', 'c'), deterministicId('a', 'b|c'));
    assert.notEqual(deterministicId('ab'), deterministicId('a', 'b'));
  });

  it('given distinct part lists, then ids differ (property)', () => {
    const partsArb = fc.array(fc.string(), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        assert.notEqual(deterministicId(...a), deterministicId(...b));
      }),
    );
  });

  it('given no parts, then throws', () => {
    assert.throws(() => deterministicId(), RangeError);
  });
});

describe('idempotency', () => {
  it('given content with keys in another order, then the hash is the same', () => {
    assert.equal(contentHash({ a: 1, b: ['x', { c: null }] }), contentHash({ b: ['x', { c: null }], a: 1 }));
    assert.notEqual(contentHash({ amount: '1.0' }), contentHash({ amount: '1' }));
  });

  it('given an id seen with identical content it is a duplicate; with different content a conflict', () => {
    const check = new IdempotencyCheck();
    assert.equal(check.observe('fill-1', { price: '100', quantity: '2' }), 'new');
    assert.equal(check.observe('fill-1', { quantity: '2', price: '100' }), 'duplicate');
    assert.equal(check.observe('fill-1', { price: '100', quantity: '3' }), 'conflict');
    assert.equal(check.observe('fill-2', { price: '100', quantity: '3' }), 'new');
  });

  it('given stored hashes, then classifyIdempotency applies the same rule', () => {
    assert.equal(classifyIdempotency(undefined, 'h1'), 'new');
    assert.equal(classifyIdempotency('h1', 'h1'), 'duplicate');
    assert.equal(classifyIdempotency('h1', 'h2'), 'conflict');
  });

  it('given non-JSON content, then hashing refuses it', () => {
    assert.throws(() => contentHash({ amount: Number.NaN }), /non-finite/);
    assert.throws(() => contentHash({ amount: 1n as unknown as string }), /bigint/);
  });
});
