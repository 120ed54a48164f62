import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  classifyIdempotency,
  commandContentHash,
  contentHash,
  deterministicId,
  IdempotencyCheck,
} from './ids';

/** deterministicId as first written (one hash update per part, bytes patched): journal ids must not change. */
function referenceId(...parts: string[]): string {
  const hash = createHash('sha256').update('clearing.ledger.v1');
  for (const part of parts) hash.update(`\u0000${Buffer.byteLength(part)}:${part}`);
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('deterministicId', () => {
  it('given any parts, then the id the first implementation minted (property), e.g. a fill leg id of the journal', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (parts) =>
        assert.equal(deterministicId(...parts), referenceId(...parts)),
      ),
    );
    assert.equal(deterministicId('fill-leg', 'bench-fill-0', 'buy'), '93548db4-e21a-84e3-a28e-d55f1766c09f');
  });

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

describe('what a command id stands for (Idempotency-Key through a door)', () => {
  const deposit = {
    schemaVersion: 1,
    commandId: 'idem-1',
    type: 'Deposit',
    account: 'acct-alice',
    issuedAt: '2026-11-24T09:00:00Z',
    asset: 'USDC',
    amount: '100',
    attribution: { principal: 'ops-jane', keyId: 'key-7', at: '2026-11-24T09:00:00Z', via: 'api' },
    signature: { issuer: 'admin', hmac: 'a'.repeat(64) },
  };
  const retry = {
    ...deposit,
    issuedAt: '2026-11-24T09:00:05Z',
    attribution: { ...deposit.attribution, at: '2026-11-24T09:00:05Z' },
    signature: { issuer: 'admin', hmac: 'b'.repeat(64) },
  };

  it('given the same request retried later through a door, then it hashes the same (a duplicate)', () => {
    assert.equal(commandContentHash(retry), commandContentHash(deposit));
  });

  it('given another amount or another principal under the same id, then it hashes differently (a conflict)', () => {
    assert.notEqual(commandContentHash({ ...retry, amount: '101' }), commandContentHash(deposit));
    const otherPrincipal = { ...retry, attribution: { ...retry.attribution, principal: 'ops-joe' } };
    assert.notEqual(commandContentHash(otherPrincipal), commandContentHash(deposit));
  });

  it('given an unattributed command, then every field counts, as before doors existed', () => {
    const { attribution: _a, ...plain } = deposit;
    assert.equal(commandContentHash(plain), contentHash(plain));
    assert.notEqual(commandContentHash({ ...plain, issuedAt: retry.issuedAt }), commandContentHash(plain));
  });
});
