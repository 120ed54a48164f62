// Test support: what the hostile-input suite publishes on each input topic, tagged so that every record's
// fate can be looked up afterwards by (partition, offset).
import { Message } from 'kafkajs';
import { HostileRecord, HostileTopic, hostileRecords, interleave, replayRecords } from '@clearing/testing';

/** Headers the suite adds to its own records (the services keep them on dead letters and ignore them). */
export const EXPECT_HEADER = 'hostile.expect';
export const LABEL_HEADER = 'hostile.label';
export type Expectation = 'valid' | 'hostile';

export interface TopicTraffic {
  /** Published one after another: replays must land behind their originals. */
  readonly phases: readonly Message[][];
  readonly validCount: number;
  readonly hostileCount: number;
}

export interface TrafficPlan {
  /** First index of the valid messages; the hostile ones use [0, hostileCount), so their ids never collide. */
  readonly firstValidIndex: number;
  readonly validCount: number;
  readonly hostileCount: number;
  /** Valid messages re-sent after the first phase (duplicates and conflicts); 0 where a topic has no ids. */
  readonly replayCount: number;
}

export function trafficOf<T extends object>(
  topic: HostileTopic<T>,
  plan: TrafficPlan,
  seed: number,
): TopicTraffic {
  const validIndices = Array.from({ length: plan.validCount }, (_, n) => plan.firstValidIndex + n);
  const valid = validIndices.map((i): HostileRecord => {
    const { key, message } = topic.valid(i);
    return { key, value: JSON.stringify(message), label: 'valid' };
  });
  const hostile = hostileRecords(topic, plan.hostileCount, seed);
  const replays =
    plan.replayCount > 0 ? replayRecords(topic, validIndices.slice(0, plan.replayCount), seed + 1) : [];
  const tagged = (expect: Expectation) => (record: HostileRecord) => toMessage(record, expect);
  const mixed = interleave(valid.map(tagged('valid')), hostile.map(tagged('hostile')), seed + 2);
  return {
    phases: [mixed, replays.map(tagged('hostile'))],
    validCount: valid.length,
    hostileCount: hostile.length + replays.length,
  };
}

function toMessage(record: HostileRecord, expect: Expectation): Message {
  return {
    key: record.key,
    value: record.value,
    headers: { [EXPECT_HEADER]: expect, [LABEL_HEADER]: record.label },
  };
}
