// JSON values and a canonical serialization (sorted keys, no whitespace) so equal content hashes equally.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as JsonObject)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as JsonObject)[key])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`non-finite number ${value} is not JSON`);
  }
  if (typeof value === 'bigint') {
    throw new TypeError('bigint is not JSON: format amounts as decimal strings first');
  }
  return JSON.stringify(value);
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
