import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as canonical from './canonical-order';
import * as json from './json';

const { CanonicalText, inCanonicalOrder, withMemberInOrder } = canonical;
const { canonicalJson, canonicalMembersOf, canonicalObject, isCanonicallyOrdered } = json;
type JsonObject = json.JsonObject;
type JsonValue = json.JsonValue;

const jsonArb = fc.jsonValue() as fc.Arbitrary<JsonValue>;

/** JavaScript lists array-index keys ("0", "7") first whatever their insertion: such objects stay unordered. */
function hasIndexKey(value: JsonValue): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasIndexKey);
  return Object.entries(value).some(
    ([key, child]) => (String(Number(key) >>> 0) === key && key !== '4294967295') || hasIndexKey(child),
  );
}
const objectArb = fc.dictionary(fc.string(), jsonArb) as fc.Arbitrary<JsonObject>;

describe('inCanonicalOrder', () => {
  it('given any JSON value, then the copy is equal in content and, without array-index keys, ordered (property)', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        const ordered = inCanonicalOrder(value);
        assert.deepEqual(ordered, value);
        assert.equal(canonicalJson(ordered), canonicalJson(value));
        if (!hasIndexKey(value)) assert.equal(isCanonicallyOrdered(ordered), true);
        if (isCanonicallyOrdered(ordered)) assert.equal(JSON.stringify(ordered), canonicalJson(value));
      }),
    );
  });

  it('given an own __proto__ member (JSON.parse makes one), then the copy keeps it as a member, not a prototype', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"polluted":true}}') as JsonObject;
    const ordered = inCanonicalOrder(parsed) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(ordered), Object.prototype);
    assert.equal(ordered.polluted, undefined);
    assert.equal(JSON.stringify(ordered), '{"__proto__":{"polluted":true},"b":1}');
    assert.equal(JSON.stringify(withMemberInOrder({ a: 1 }, '__proto__', 2)), '{"__proto__":2,"a":1}');
  });

  it('given undefined members, then they are left out', () => {
    assert.equal(JSON.stringify(inCanonicalOrder({ b: 1, a: undefined } as unknown as JsonValue)), '{"b":1}');
  });
});

describe('withMemberInOrder', () => {
  it('given an ordered object and any member, then the result is ordered and has the member set (property)', () => {
    fc.assert(
      fc.property(objectArb, fc.string(), jsonArb, (object, key, value) => {
        const result = withMemberInOrder(inCanonicalOrder(object), key, inCanonicalOrder(value));
        const expected = { ...object, [key]: value } as JsonObject;
        assert.equal(canonicalJson(result), canonicalJson(expected));
        if (!hasIndexKey(expected)) assert.equal(isCanonicallyOrdered(result), true);
        if (isCanonicallyOrdered(result)) assert.equal(JSON.stringify(result), canonicalJson(expected));
      }),
    );
  });
});

describe('CanonicalText', () => {
  it('given any object, ordered or not, then whole and without equal the member-by-member texts (property)', () => {
    fc.assert(
      fc.property(objectArb, fc.boolean(), fc.string(), (object, order, key) => {
        const subject = order ? inCanonicalOrder(object) : object;
        const text = new CanonicalText(subject);
        const members = canonicalMembersOf(subject);
        assert.equal(text.whole(), canonicalObject(members));
        assert.equal(text.without(key), canonicalObject(members.filter(([name]) => name !== key)));
        assert.deepEqual(text.members(), members);
      }),
    );
  });
});

describe('isCanonicallyOrdered', () => {
  it('given any JSON value put in canonical order, then it is ordered and JSON.stringify writes its canonical JSON (property)', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        const ordered = JSON.parse(canonicalJson(value)) as JsonValue;
        if (!hasIndexKey(value)) assert.equal(isCanonicallyOrdered(ordered), true);
        if (isCanonicallyOrdered(ordered)) assert.equal(JSON.stringify(ordered), canonicalJson(value));
      }),
    );
  });

  it('given any JSON value it calls ordered, then JSON.stringify writes its canonical JSON (property)', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        if (isCanonicallyOrdered(value)) assert.equal(JSON.stringify(value), canonicalJson(value));
      }),
    );
  });

  it('given keys out of order, integer-like keys, undefined or non-JSON leaves, then it says no', () => {
    assert.equal(isCanonicallyOrdered({ b: 1, a: 2 }), false);
    assert.equal(isCanonicallyOrdered({ a: { d: 1, c: 2 } }), false);
    assert.equal(isCanonicallyOrdered(JSON.parse('{"10":1,"9":2}')), false);
    assert.equal(isCanonicallyOrdered({ a: undefined }), false);
    assert.equal(isCanonicallyOrdered([1, undefined]), false);
    assert.equal(isCanonicallyOrdered({ a: Number.NaN }), false);
    assert.equal(isCanonicallyOrdered({ a: 1n }), false);
    assert.equal(isCanonicallyOrdered(new Date(0)), false);
    assert.throws(() => canonicalJson({ a: 1n } as unknown as JsonValue), /bigint is not JSON/);
    assert.throws(() => canonicalJson([Number.POSITIVE_INFINITY]), /non-finite/);
  });
});
