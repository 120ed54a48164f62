// JSON values and a canonical serialization (sorted keys, no whitespace) so equal content hashes equally.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * Sorted keys, no whitespace, members whose value is undefined left out. A value already in canonical
 * order is written by the native JSON.stringify (issue 15: the writer canonicalizes every command it
 * verifies and hashes); any other by one string builder (no per-object filter/map/join arrays).
 */
export function canonicalJson(value: JsonValue): string {
  return isCanonicallyOrdered(value) ? JSON.stringify(value) : sortedJson(value);
}

/**
 * True when every object in `value` is a plain object listing its keys in canonical (sorted) order and
 * every leaf is JSON (string, finite number, boolean, null): JSON.stringify then writes exactly its
 * canonicalJson, natively and without sorting. What our own signers write (see inCanonicalOrder) is.
 * Anything else (an undefined member, a bigint) goes member by member, which leaves out or refuses it.
 */
export function isCanonicallyOrdered(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonicallyOrdered(item)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!isCanonicallyOrdered((value as JsonObject)[key])) return false;
    previous = key;
  }
  return true;
}

function sortedJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    let json = '[';
    for (let i = 0; i < value.length; i++) json += (i === 0 ? '' : ',') + (canonicalJson(value[i]) ?? '');
    return `${json}]`;
  }
  if (value !== null && typeof value === 'object')
    return canonicalObject(canonicalMembersOf(value as JsonObject));
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`non-finite number ${value} is not JSON`);
  }
  if (typeof value === 'bigint') {
    throw new TypeError('bigint is not JSON: format amounts as decimal strings first');
  }
  return JSON.stringify(value);
}

/** One member of a canonical object: its key and its `"key":value` text. */
export type CanonicalMember = readonly [key: string, json: string];

/**
 * The members of `object` as canonicalJson writes them, in key order: computed once, a command's
 * canonical form with or without some members (its signature, its door-stamped fields) is a join.
 */
export function canonicalMembersOf(object: JsonObject): CanonicalMember[] {
  const members: CanonicalMember[] = [];
  for (const key of Object.keys(object).sort()) {
    const child = object[key];
    if (child !== undefined) members.push([key, `${JSON.stringify(key)}:${canonicalJson(child)}`]);
  }
  return members;
}

/** canonicalJson of the object made of `members` (sorted, as canonicalMembersOf returns them). */
export function canonicalObject(members: readonly CanonicalMember[]): string {
  let json = '{';
  for (let i = 0; i < members.length; i++) json += (i === 0 ? '' : ',') + members[i][1];
  return `${json}}`;
}

/** `members` with `key` set to `value` (replaced if present), still sorted. */
export function withMember(
  members: readonly CanonicalMember[],
  key: string,
  value: JsonValue,
): CanonicalMember[] {
  const member: CanonicalMember = [key, `${JSON.stringify(key)}:${canonicalJson(value)}`];
  const others = members.filter(([k]) => k !== key);
  const at = others.findIndex(([k]) => k > key);
  return at < 0 ? [...others, member] : [...others.slice(0, at), member, ...others.slice(at)];
}

/** Recursively freezes a JSON value in place and returns it. */
export function deepFreeze<T extends JsonValue>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) {
      deepFreeze(child as JsonValue);
    }
    Object.freeze(value);
  }
  return value;
}
