import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FillV1, InstrumentDefinition } from '@clearing/contracts';
import { AssetRegistry } from '@clearing/ledger';
import { validateFill, ReferenceData } from './fill-validation';

// Finding 5 of issue 11: fills of quantity 10^60 or price 10^30 were accepted. Finding 3: a price with 40
// decimals threw inside the intake ("scale must be an integer in [0, 18]") and restarted the consumer.
// The schema now bounds digits; these rules are the instrument's own, tighter ones, and must never throw.

const BTC_PERP: InstrumentDefinition = {
  symbol: 'BTC-PERP',
  kind: 'perpetual',
  underlying: 'BTC',
  settlementAsset: 'USDC',
  contractSize: '1',
  lotSize: '0.0001',
  tickSize: '0.5',
  maxQuantity: '1000',
  maxPrice: '10000000',
};
/** Registered through a journaled command: no limits configured, any price on the USDC grid. */
const REGISTERED: InstrumentDefinition = {
  ...BTC_PERP,
  symbol: 'ETH-PERP',
  tickSize: '0.000001',
  maxQuantity: undefined,
  maxPrice: undefined,
};

const reference: ReferenceData = {
  instrument: (symbol) => [BTC_PERP, REGISTERED].find((i) => i.symbol === symbol),
  accountStatus: () => 'active',
  allowsSelfTrade: () => false,
  assets: AssetRegistry.withBaseAssets(),
};

function fill(fields: Partial<FillV1>): FillV1 {
  return {
    schemaVersion: 1,
    fillId: 'f-1',
    venue: 'venue-a',
    venueSequence: 1,
    instrument: 'BTC-PERP',
    price: '65000',
    quantity: '1',
    aggressor: 'buy',
    buyer: { account: 'alice', orderId: 'o-1', fee: '0' },
    seller: { account: 'bob', orderId: 'o-2', fee: '0' },
    eventTime: '2026-11-24T10:00:00Z',
    ...fields,
  };
}

const refusalOf = (fields: Partial<FillV1>) => {
  const verdict = validateFill(fill(fields), reference);
  return verdict.ok ? undefined : verdict.reason;
};

describe('fill intake: magnitude limits of the instrument', () => {
  it('given a quantity above the instrument maximum, then the fill is refused with the limit', () => {
    assert.equal(
      refusalOf({ quantity: '1000.0001' }),
      'quantity 1000.0001 is above the BTC-PERP maximum 1000',
    );
    assert.equal(refusalOf({ quantity: '1000' }), undefined);
    assert.equal(refusalOf({ quantity: `1000.${'0'.repeat(30)}` }), undefined);
    assert.match(refusalOf({ quantity: `1000.${'0'.repeat(30)}1` }) ?? '', /above the BTC-PERP maximum/);
  });

  it('given a price above the instrument maximum, then the fill is refused with the limit', () => {
    assert.equal(
      refusalOf({ price: '10000000.5' }),
      'price 10000000.5 is above the BTC-PERP maximum 10000000',
    );
  });

  it('given an instrument without configured limits, then the documented defaults apply', () => {
    assert.match(refusalOf({ instrument: 'ETH-PERP', quantity: '1' + '0'.repeat(19) }) ?? '', /maximum/);
    assert.match(refusalOf({ instrument: 'ETH-PERP', price: '1' + '0'.repeat(19) }) ?? '', /maximum/);
  });

  it('given a price finer than the settlement asset, then it is refused, not thrown', () => {
    assert.equal(
      refusalOf({ instrument: 'ETH-PERP', price: '65000.0000001' }),
      'price 65000.0000001 has more decimals than USDC allows (6)',
    );
  });

  it('given decimals no scale can hold (40, past the schema), then it is refused, not thrown', () => {
    assert.match(refusalOf({ price: `65000.${'1'.repeat(40)}` }) ?? '', /more decimals than USDC allows/);
    assert.match(refusalOf({ quantity: `1.${'1'.repeat(40)}` }) ?? '', /not a multiple of the lot size/);
  });
});
