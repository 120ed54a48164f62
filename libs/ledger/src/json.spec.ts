import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canonicalJson,
  canonicalMembersOf,
  canonicalObject,
  JsonObject,
  JsonValue,
  withMember,
} from './json';

/** canonicalJson as first written (map/filter/join): signatures and hashes made with it must still verify. */
function referenceCanonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as JsonObject)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${referenceCanonicalJson((value as JsonObject)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

const jsonArb = fc.jsonValue() as fc.Arbitrary<JsonValue>;
const objectArb = fc.dictionary(fc.string(), jsonArb) as fc.Arbitrary<JsonObject>;

describe('canonicalJson', () => {
  it('given any JSON value, then it writes what the first implementation wrote (property)', () => {
    fc.assert(
      fc.property(jsonArb, (value) => assert.equal(canonicalJson(value), referenceCanonicalJson(value))),
    );
  });

  it('given members set or replaced, then the join equals the canonical JSON of the changed object (property)', () => {
    fc.assert(
      fc.property(objectArb, fc.string(), jsonArb, (object, key, value) => {
        const members = canonicalMembersOf(object);
        assert.equal(canonicalObject(members), canonicalJson(object));
        const changed = { ...object, [key]: value } as JsonObject;
        assert.equal(canonicalObject(withMember(members, key, value)), referenceCanonicalJson(changed));
      }),
    );
  });

  it('given an own __proto__ key (JSON.parse makes one), then it is written once, where it is', () => {
    const parsed = JSON.parse('{"b":{"__proto__":1,"a":[{"__proto__":{}}]},"a":2}') as JsonObject;
    assert.equal(canonicalJson(parsed), referenceCanonicalJson(parsed));
    assert.equal(canonicalObject(canonicalMembersOf(parsed)), referenceCanonicalJson(parsed));
    assert.equal(canonicalJson({ a: 1 }), '{"a":1}');
  });

  it('given undefined members, then they are left out as JSON.stringify leaves them out', () => {
    assert.equal(
      canonicalJson({ b: 1, a: undefined, c: [1, 'x'] } as unknown as JsonValue),
      '{"b":1,"c":[1,"x"]}',
    );
  });
});
