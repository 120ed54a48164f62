// JSON values and a canonical serialization (sorted keys, no whitespace) so equal content hashes equally.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/**
 * Sorted keys, no whitespace, members whose value is undefined left out. Written as one string builder
 * (no per-object filter/map/join arrays): the writer canonicalizes every command it verifies and hashes.
 */
export function canonicalJson(value: JsonValue): string {
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
