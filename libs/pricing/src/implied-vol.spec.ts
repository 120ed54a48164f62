import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { black76 } from './black76';
import { bsm } from './bsm';
import { impliedVol, impliedVolBsm } from './implied-vol';
import { PricingInputError } from './inputs';
import { assertClose, between, optionType } from './spec-support';

const HAUG_FUTURES = { forward: 19, strike: 19, years: 0.75, rate: 0.1 };

describe('implied vol: examples and errors', () => {
  it('given the Haug futures put priced at 28% vol, then the implied vol is 28% again', () => {
    const { price } = black76({ type: 'put', ...HAUG_FUTURES, vol: 0.28 });
    assertClose(impliedVol({ type: 'put', ...HAUG_FUTURES, price }), 0.28, 1e-12, 0, 'vol');
  });

  it('given the Hull stock call priced at 20% vol, then the GBSM implied vol is 20% again', () => {
    const hull = { type: 'call' as const, spot: 42, strike: 40, years: 0.5, rate: 0.1, carry: 0.1 };
    const { price } = bsm({ ...hull, vol: 0.2 });
    assertClose(impliedVolBsm({ ...hull, price }), 0.2, 1e-12, 0, 'vol');
  });

  it('given a price at or beyond the no-arbitrage bounds, then it throws naming the price', () => {
    const discount = Math.exp(-0.1 * 0.75);
    const outside = [
      ['call', 0],
      ['call', -1],
      ['call', 19 * discount],
      ['put', 25],
      ['call', NaN],
    ] as const;
    for (const [type, price] of outside) {
      assert.throws(
        () => impliedVol({ type, ...HAUG_FUTURES, price }),
        (error: unknown) => error instanceof PricingInputError && error.field === 'price',
        `${type} at ${price}`,
      );
    }
    assert.throws(
      () => impliedVol({ type: 'put', ...HAUG_FUTURES, strike: 30, price: 10 * discount }),
      /no-arbitrage/,
    );
  });

  it('given zero years to expiry, then there is no vol to imply and it says so', () => {
    assert.throws(() => impliedVol({ type: 'call', ...HAUG_FUTURES, years: 0, price: 1 }), /years must be/);
  });
});

describe('implied vol: properties', () => {
  it('round-trips: the vol that priced an option is recovered from its price', () => {
    const market = fc.record({
      forward: between(20, 500),
      moneyness: between(-0.8, 0.8),
      years: between(0.02, 5),
      rate: between(-0.05, 0.25),
      vol: between(0.03, 3),
    });
    fc.assert(
      fc.property(optionType, market, (type, m) => {
        const option = {
          type,
          forward: m.forward,
          strike: m.forward * Math.exp(m.moneyness),
          years: m.years,
          rate: m.rate,
        };
        const { price, vega } = black76({ ...option, vol: m.vol });
        // Where vega vanishes (far wings, short expiry) the price pins the vol only to price-rounding / vega.
        fc.pre(vega > 1e-6 * m.forward && price > 1e-9 * m.forward);
        const solved = impliedVol({ ...option, price });
        assertClose(solved, m.vol, 1e-8, 0, 'vol');
      }),
    );
  });

  it('given any price strictly inside the bounds, then the solved vol reprices it', () => {
    fc.assert(
      fc.property(
        optionType,
        between(50, 150),
        between(0.05, 2),
        between(1e-6, 1 - 1e-6),
        (type, strike, years, share) => {
          const option = { type, forward: 100, strike, years, rate: 0.03 };
          const discount = Math.exp(-0.03 * years);
          const intrinsic = discount * Math.max(0, type === 'call' ? 100 - strike : strike - 100);
          const ceiling = discount * (type === 'call' ? 100 : strike);
          const price = intrinsic + share * (ceiling - intrinsic);
          const vol = impliedVol({ ...option, price });
          assertClose(black76({ ...option, vol }).price, price, 1e-9, 1e-12, 'repriced');
        },
      ),
    );
  });
});
