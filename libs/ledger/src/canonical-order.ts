// Objects kept in canonical key order, so that their canonical JSON is the native JSON.stringify's.
import {
  CanonicalMember,
  canonicalMembersOf,
  canonicalObject,
  isCanonicallyOrdered,
  JsonObject,
  JsonValue,
} from './json';

/**
 * A copy of `value` with every object's keys in canonical (sorted) order and undefined members left
 * out: JSON.stringify of it is its canonicalJson. Signers write commands so, and the writer then
 * verifies and hashes each one without sorting it again.
 */
export function inCanonicalOrder<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item: JsonValue) => inCanonicalOrder(item)) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  const ordered: Record<string, JsonValue> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as JsonObject)[key];
    if (child !== undefined) setMember(ordered, key, inCanonicalOrder(child));
  }
  return ordered as T;
}

/** `object` (in canonical order) with `key` set to `value` at its sorted place (replaced if present). */
export function withMemberInOrder(object: JsonObject, key: string, value: JsonValue): JsonObject {
  const result: Record<string, JsonValue> = {};
  let placed = false;
  for (const existing of Object.keys(object)) {
    if (!placed && existing >= key) {
      setMember(result, key, value);
      placed = true;
    }
    if (existing !== key) setMember(result, existing, object[existing]);
  }
  if (!placed) setMember(result, key, value);
  return result;
}

/** An own member even when `key` is "__proto__" (which JSON.parse makes own; assigning it sets the prototype). */
function setMember(object: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * The canonical texts one command is checked by: whole (its content hash) and without a member (its
 * signature leaves the signature out). Natively when the command is in canonical order, as every
 * signer writes it; else from its sorted members, computed once for all the texts.
 */
export class CanonicalText {
  private readonly ordered: boolean;
  private sorted?: CanonicalMember[];

  constructor(private readonly object: JsonObject) {
    this.ordered = isCanonicallyOrdered(object);
  }

  whole(): string {
    return this.ordered ? JSON.stringify(this.object) : canonicalObject(this.members());
  }

  without(key: string): string {
    if (!this.ordered) return canonicalObject(this.members().filter(([name]) => name !== key));
    const { [key]: _left, ...rest } = this.object;
    return JSON.stringify(rest);
  }

  members(): readonly CanonicalMember[] {
    return (this.sorted ??= canonicalMembersOf(this.object));
  }
}
