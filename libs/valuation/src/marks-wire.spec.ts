import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessage, markKeyOf, TOPICS } from '@clearing/contracts';
import { InstrumentDefinition } from '@clearing/contracts';
import { markAll } from './marks';
import { at, btcConfig, feed, quote, volPoint } from './spec-support';
import { indexToWire, instrumentMarkToWire, settlementToWire, toDecimalString } from './wire';

const CALL: InstrumentDefinition = {
  symbol: 'BTC-14APR26-70000-C',
  kind: 'option',
  underlying: 'BTC',
  expiry: '2026-04-14T08:00:00Z',
  strike: '70000',
  optionType: 'call',
  contractSize: '1',
  settlementAsset: 'USDC',
  lotSize: '0.1',
  tickSize: '5',
};
const { strike: _strike, optionType: _type, ...dated } = CALL;
const FUTURE: InstrumentDefinition = {
  ...dated,
  symbol: 'BTC-14MAR26',
  kind: 'future',
  expiry: new Date(at(60)).toISOString(),
};

describe('marks on the wire (marks.v1)', () => {
  const config = btcConfig({}, [CALL, FUTURE]);

  it('given valid, invalid, option-without-surface and settled readings, then every message passes the schema', () => {
    const valid = feed(config, [
      quote('a', 65_000, 0),
      quote('b', 65_001, 0),
      volPoint(CALL.expiry!, { strike: 70_000 }, 0.6, 0),
    ]);
    const invalid = feed(config, [quote('a', 65_000, 0), quote('b', 65_000, 0), quote('a', 65_000, 61)]);
    const settled = feed(config, [
      quote('a', 65_000, 0),
      quote('b', 65_000, 0),
      quote('a', 65_000, 61),
    ]).settled;
    const messages = [
      ...[valid.state, invalid.state].flatMap((state) => markAll(state, config).map(instrumentMarkToWire)),
      indexToWire('BTC', valid.state.indexes.get('BTC')!.reading!),
      indexToWire('BTC', invalid.state.indexes.get('BTC')!.reading!),
      settlementToWire(settled[0], config.instrument('BTC-14MAR26')!),
    ];
    assert.ok(messages.some((m) => m.status === 'invalid') && messages.some((m) => m.status === 'valid'));
    for (const message of messages) assert.ok(encodeMessage(TOPICS.marks, message).length > 0);
    assert.deepEqual([...new Set(messages.map(markKeyOf))].sort(), [
      'BTC-14APR26-70000-C',
      'BTC-14MAR26',
      'BTC-PERP',
      'index:BTC',
    ]);
  });

  it('given floats, then decimal strings have no exponent, no negative zero and no trailing zeros', () => {
    assert.equal(toDecimalString(1e-9, 8), '0');
    assert.equal(toDecimalString(-1e-12, 8), '0');
    assert.equal(toDecimalString(65_010.25, 8), '65010.25');
    assert.equal(toDecimalString(1.5e20, 2), '150000000000000000000');
    assert.equal(toDecimalString(-0.000265, 12), '-0.000265');
    assert.throws(() => toDecimalString(NaN, 8), RangeError);
  });
});
