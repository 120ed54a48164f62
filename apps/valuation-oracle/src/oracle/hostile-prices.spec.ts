import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMessage, OraclePriceV1, TOPICS } from '@clearing/contracts';
import { ConsumedMessage } from '@clearing/kafka';
import { HostileRecord, hostileQuoteFeed, hostileRecords, interleave } from '@clearing/testing';
import { loadOracleConfig } from '@clearing/valuation';
import { OracleEngine } from './oracle-engine';

// The oracle's door, without Kafka: 600 generated adversarial observations interleaved with a valid BTC
// feed. None may throw (a throw is a crash loop in the service); every one is either dead-lettered by the
// decoder or refused by the fold, so consumed = accepted + rejected + dead-lettered.
describe('valuation oracle against generated hostile observations', () => {
  const startMs = Date.parse('2026-11-24T10:00:00Z');
  const feed = hostileQuoteFeed(startMs);

  it('given 600 hostile and 300 valid observations, then each hostile one is refused and the index stays valid', () => {
    const valid = Array.from({ length: 300 }, (_, i): HostileRecord => {
      const { key, message } = feed.valid(i);
      return { key, value: JSON.stringify(message), label: 'valid' };
    });
    const hostile = hostileRecords(feed, 600, 4);
    const records = interleave(valid, hostile, 4);
    const engine = new OracleEngine(loadOracleConfig());
    let deadLettered = 0;
    const decoded: ConsumedMessage<OraclePriceV1>[] = [];
    records.forEach((record, offset) => {
      const result = decodeMessage(
        TOPICS.oraclePrices,
        record.value === null ? null : Buffer.from(record.value),
      );
      if (!result.ok) return void deadLettered++;
      // Received at the latest valid event time so far: the feed is live.
      const timestampMs = startMs + 300 * 1000;
      decoded.push({
        topic: TOPICS.oraclePrices,
        partition: 0,
        offset: String(offset),
        key: null,
        headers: {},
        timestampMs,
        value: result.value,
        raw: {} as never,
      });
    });
    const result = engine.apply(0, decoded);
    const accepted = decoded.length - result.rejections.length;
    assert.equal(accepted + result.rejections.length + deadLettered, records.length);
    assert.equal(accepted, valid.length, 'exactly the valid observations are taken');
    assert.ok(result.indexValid.get('BTC'), 'the BTC index three fresh sources support stays valid');
  });
});
