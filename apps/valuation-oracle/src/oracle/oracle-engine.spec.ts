import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OraclePriceV1 } from '@clearing/contracts';
import { ConsumedMessage } from '@clearing/kafka';
import { createOracleConfig } from '@clearing/valuation';
import { OracleEngine } from './oracle-engine';

const config = createOracleConfig([
  {
    symbol: 'BTC-PERP',
    kind: 'perpetual',
    underlying: 'BTC',
    contractSize: '1',
    settlementAsset: 'USDC',
    lotSize: '0.0001',
    tickSize: '0.5',
  },
]);

const eventTimeOf = (second: number) => `2026-03-14T09:00:${String(second).padStart(2, '0')}Z`;

const message = (
  offset: number,
  source: string,
  price: string,
  second: number,
): ConsumedMessage<OraclePriceV1> =>
  ({
    topic: 'oracle.prices.v1',
    partition: 0,
    offset: String(offset),
    key: Buffer.from('BTC'),
    headers: {},
    // Received the moment it was quoted, as a live feed's records are.
    timestampMs: Date.parse(eventTimeOf(second)),
    value: {
      schemaVersion: 1,
      kind: 'index-quote',
      source,
      eventTime: eventTimeOf(second),
      underlying: 'BTC',
      price,
    },
  }) as ConsumedMessage<OraclePriceV1>;

const values = (result: { outputs: { value: string | Buffer }[] }) =>
  result.outputs.map((o) => o.value.toString());

describe('oracle engine: one fold per input partition', () => {
  const first = [message(0, 'coinbase', '65000', 0), message(1, 'binance', '65010', 1)];
  const second = [message(2, 'coinbase', '65100', 2), message(3, 'binance', '65120', 3)];

  it('given a batch delivered again after its transaction failed, then it is refolded from the state before it', () => {
    const engine = new OracleEngine(config);
    engine.apply(0, first);
    const published = values(engine.apply(0, second));
    assert.deepEqual(values(engine.apply(0, second)), published);
    assert.ok(
      published.some((v) => v.includes('"price":"65110"')),
      'index = median of 65,100 and 65,120',
    );
  });

  it('given a partition seen for the first time mid-stream, then its fold starts empty (warm-up)', () => {
    const engine = new OracleEngine(config);
    const [index] = values(engine.apply(0, second.slice(1))).map((v) => JSON.parse(v));
    assert.deepEqual([index.kind, index.status, index.reason], ['index', 'invalid', 'too-few-sources']);
  });

  it('given a quote two minutes older than the clock, then it is reported as a stale rejection and publishes nothing', () => {
    const engine = new OracleEngine(config);
    engine.apply(0, first);
    const stale = message(2, 'kraken', '65000', 0);
    const result = engine.apply(0, [
      { ...stale, value: { ...stale.value, eventTime: '2026-03-14T08:58:00Z' } },
    ]);
    assert.deepEqual(
      result.rejections.map((r) => r.code),
      ['stale'],
    );
    assert.deepEqual(result.outputs, []);
  });
});
