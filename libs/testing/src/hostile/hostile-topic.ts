import fc from 'fast-check';
import { Poison, poisonBytes } from './poison';

/** One record an adversarial (or just broken) producer sends, and why it must be refused. */
export interface HostileRecord {
  readonly key: string | null;
  readonly value: Buffer | string | null;
  readonly label: string;
}

/**
 * What a topic's hostile cases are made of; one of these per input topic (fills, oracle prices, and later
 * ledger commands). `valid(i)` is a message the system must accept; every mutation must make it refused.
 */
export interface HostileTopic<T extends object> {
  valid(i: number): { key: string; message: T };
  /** Poison per top-level field (wrong type, overlong decimals, dates...): one field is replaced at a time. */
  readonly fields: Readonly<Record<string, fc.Arbitrary<Poison>>>;
  /** Whole-message mutations with the domain's knowledge: unknown ids, limits, forged signatures. */
  readonly domain: fc.Arbitrary<(valid: T, i: number) => Poison<T>>;
  /** The key a correct producer gives a message (default: the valid message's key), so a mutation that
   * moves it to another account still reaches the partition that decides it. */
  keyOf?(message: T): string;
  /** The valid message with its id kept and other content: a replay of it must be refused as a conflict. */
  conflicting?(valid: T): T;
}

/**
 * `count` hostile records for `topic`, reproducible from `seed`: byte-level poison, one poisoned field, or a
 * domain mutation of a valid message, some with a null key. Ids stay unique by index so no two cases collide.
 */
export function hostileRecords<T extends object>(
  topic: HostileTopic<T>,
  count: number,
  seed: number,
): HostileRecord[] {
  const fieldNames = Object.keys(topic.fields);
  const field = fc
    .constantFrom(...fieldNames)
    .chain((name) => topic.fields[name].map((poison) => ({ name, poison })));
  const kind = fc.oneof(
    { weight: 1, arbitrary: poisonBytes.map((poison) => ({ bytes: poison })) },
    { weight: 3, arbitrary: field.map((f) => ({ field: f })) },
    { weight: 2, arbitrary: topic.domain.map((mutate) => ({ mutate })) },
  );
  // One in eight without a key: enough to cover null keys without hiding the other cases behind them.
  const nullKeyOneInEight = fc.integer({ min: 0, max: 7 }).map((n) => n === 0);
  const drawn = fc.sample(fc.tuple(kind, nullKeyOneInEight), { numRuns: count, seed });
  return drawn.map(([choice, nullKey], i) => {
    const { key, message } = topic.valid(i);
    const recordKey = nullKey ? null : key;
    if ('bytes' in choice) return { key: recordKey, value: choice.bytes.value, label: choice.bytes.label };
    if ('field' in choice) {
      const { name, poison } = choice.field;
      const value = JSON.stringify({ ...message, [name]: poison.value });
      return { key: recordKey, value, label: `${name}:${poison.label}` };
    }
    const poison = choice.mutate(message, i);
    const domainKey = nullKey ? null : (topic.keyOf?.(poison.value) ?? key);
    return { key: domainKey, value: JSON.stringify(poison.value), label: poison.label };
  });
}

/**
 * Valid and hostile records merged at random (reproducibly from `seed`), each list keeping its own order:
 * valid traffic stays in the order its producer sent it (a source's quotes advance, a replay follows its
 * original) while hostile records land anywhere between.
 */
export function interleave<T>(valid: readonly T[], hostile: readonly T[], seed: number): T[] {
  const total = valid.length + hostile.length;
  const [coins] = fc.sample(fc.array(fc.boolean(), { minLength: total, maxLength: total }), {
    numRuns: 1,
    seed,
  });
  const [v, h] = [[...valid], [...hostile]];
  return coins.map((takeValid) => ((takeValid && v.length > 0) || h.length === 0 ? v.shift()! : h.shift()!));
}

/**
 * Re-sends of the valid messages `indices` (publish them after their originals): half unchanged, which must
 * be refused as duplicates, half with the same id and other content (conflicts). Keyed like the original,
 * so each lands behind it on its partition.
 */
export function replayRecords<T extends object>(
  topic: HostileTopic<T>,
  indices: readonly number[],
  seed: number,
): HostileRecord[] {
  const conflicting = topic.conflicting;
  if (!conflicting) throw new Error('replayRecords needs topic.conflicting');
  const [coins] = fc.sample(
    fc.array(fc.boolean(), { minLength: indices.length, maxLength: indices.length }),
    {
      numRuns: 1,
      seed,
    },
  );
  return indices.map((i, n) => {
    const { key, message } = topic.valid(i);
    const value = JSON.stringify(coins[n] ? message : conflicting(message));
    return { key, value, label: coins[n] ? 'replay' : 'replay-other-content' };
  });
}
