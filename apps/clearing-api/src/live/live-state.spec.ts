import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIVE_LIMITS, LiveState, TailRecord } from './live-state';

const TOPICS = { liquidations: 'liquidations.v1', settlements: 'settlements.v1' };
let offset = 0;
const record = (topic: string, value: unknown, headers: Record<string, string> = {}): TailRecord => ({
  topic,
  partition: 0,
  offset: String(offset++),
  timestamp: '1764979200000',
  key: null,
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers,
});

describe('LiveState', () => {
  it('given two solvency reports out of order, then the later asOf is kept', () => {
    const state = new LiveState(TOPICS);
    state.apply(
      record('liquidations.v1', { kind: 'solvency', asOf: '2026-12-01T00:00:02Z', requiredUsd: '2' }),
    );
    state.apply(
      record('liquidations.v1', { kind: 'solvency', asOf: '2026-12-01T00:00:01Z', requiredUsd: '1' }),
    );
    assert.equal(state.solvency?.requiredUsd, '2');
  });

  it('given a light that changes, then only the latest per account, instrument and side is kept', () => {
    const state = new LiveState(TOPICS);
    const light = { kind: 'adl-queue', account: 'A', instrument: 'BTC-PERP', side: 'long', asOf: 't' };
    state.apply(record('liquidations.v1', { ...light, quintile: 2 }));
    state.apply(record('liquidations.v1', { ...light, quintile: 5 }));
    state.apply(record('liquidations.v1', { ...light, side: 'short', quintile: 1 }));
    assert.deepEqual(
      [...state.adlLights.values()].map((l) => [l.side, l.quintile]),
      [
        ['long', 5],
        ['short', 1],
      ],
    );
  });

  it('given more cycles than the limit, then the oldest leave first', () => {
    const state = new LiveState(TOPICS);
    for (let i = 0; i <= LIVE_LIMITS.cycles; i++)
      state.apply(record('settlements.v1', { kind: 'cycle-summary', cycleId: `0-${i}` }));
    assert.equal(state.cycles.size, LIVE_LIMITS.cycles);
    assert.equal(state.cycles.has('0-0'), false);
  });

  it('given a dead letter, then its reason and source coordinates come from its headers', () => {
    const state = new LiveState(TOPICS);
    state.apply(
      record('fills.v1.dlq', 'not json at all', {
        'dlq.reason': 'not JSON',
        'dlq.reason.code': 'decode',
        'dlq.source.topic': 'fills.v1',
        'dlq.source.partition': '4',
        'dlq.source.offset': '99',
      }),
    );
    const [letter] = state.deadLetters.get('fills.v1.dlq')!;
    assert.deepEqual(
      [letter.reason, letter.reasonCode, letter.sourcePartition, letter.sourceOffset],
      ['not JSON', 'decode', 4, '99'],
    );
    assert.equal(letter.deadLetteredAt, '2025-12-06T00:00:00.000Z');
  });

  it('given bytes that are not JSON on a fed topic, then they are skipped without a throw', () => {
    const state = new LiveState(TOPICS);
    state.apply(record('settlements.v1', '{oops'));
    assert.equal(state.cycles.size, 0);
  });
});
