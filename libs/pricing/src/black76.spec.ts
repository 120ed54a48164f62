import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { black76, Black76Input } from './black76';
import { PricingInputError } from './inputs';
import { assertClose, assertPrinted, between, centralDifference, optionType } from './spec-support';

const HAUG_FUTURES = { forward: 19, strike: 19, years: 0.75, rate: 0.1, vol: 0.28 };

// E. G. Haug, "The Complete Guide to Option Pricing Formulas", McGraw-Hill 1998, p. 24: options on a
// future (b = 0) with F = 90/100/110, K = 100, r = 10%; the table as transcribed by QuantLib's
// test-suite/europeanoption.cpp (q = r = 10% there, i.e. zero cost of carry).
const HAUG_P24: ReadonlyArray<[OptionType76, number, number, number, number]> = [
  // type, forward, years, vol, value
  ['call', 90, 0.1, 0.15, 0.0205],
  ['call', 100, 0.1, 0.15, 1.8734],
  ['call', 110, 0.1, 0.15, 9.9413],
  ['call', 90, 0.1, 0.25, 0.315],
  ['call', 100, 0.1, 0.25, 3.1217],
  ['call', 110, 0.1, 0.25, 10.3556],
  ['call', 90, 0.1, 0.35, 0.9474],
  ['call', 100, 0.1, 0.35, 4.3693],
  ['call', 110, 0.1, 0.35, 11.1381],
  ['call', 90, 0.5, 0.15, 0.8069],
  ['call', 100, 0.5, 0.15, 4.0232],
  ['call', 110, 0.5, 0.15, 10.5769],
  ['call', 90, 0.5, 0.25, 2.7026],
  ['call', 100, 0.5, 0.25, 6.6997],
  ['call', 110, 0.5, 0.25, 12.7857],
  ['call', 90, 0.5, 0.35, 4.9329],
  ['call', 100, 0.5, 0.35, 9.3679],
  ['call', 110, 0.5, 0.35, 15.3086],
  ['put', 90, 0.1, 0.15, 9.921],
  ['put', 100, 0.1, 0.15, 1.8734],
  ['put', 110, 0.1, 0.15, 0.0408],
  ['put', 90, 0.1, 0.25, 10.2155],
  ['put', 100, 0.1, 0.25, 3.1217],
  ['put', 110, 0.1, 0.25, 0.4551],
  ['put', 90, 0.1, 0.35, 10.8479],
  ['put', 100, 0.1, 0.35, 4.3693],
  ['put', 110, 0.1, 0.35, 1.2376],
  ['put', 90, 0.5, 0.15, 10.3192],
  ['put', 100, 0.5, 0.15, 4.0232],
  ['put', 110, 0.5, 0.15, 1.0646],
  ['put', 90, 0.5, 0.25, 12.2149],
  ['put', 100, 0.5, 0.25, 6.6997],
  ['put', 110, 0.5, 0.25, 3.2734],
  ['put', 90, 0.5, 0.35, 14.4452],
  ['put', 100, 0.5, 0.35, 9.3679],
  ['put', 110, 0.5, 0.35, 5.7963],
];
type OptionType76 = Black76Input['type'];

describe('black76: published values', () => {
  it('given Haug 1998 p. 2-8 futures option F=K=19, T=0.75, r=10%, vol=28%, then call = put = 1.7011', () => {
    assertPrinted(black76({ type: 'put', ...HAUG_FUTURES }).price, 1.7011, 4, 'put');
    assertPrinted(black76({ type: 'call', ...HAUG_FUTURES }).price, 1.7011, 4, 'call');
  });

  it('given the Haug 1998 p. 24 table of futures options, then every price matches to 4 decimals', () => {
    for (const [type, forward, years, vol, value] of HAUG_P24) {
      const { price } = black76({ type, forward, strike: 100, years, rate: 0.1, vol });
      const what = `${type} F=${forward} T=${years} vol=${vol}`;
      // The at-the-money T=0.1 vol=15% entries print 1.8734, a double rounding of the exact 1.8733446
      // (mpmath, 30 digits: 1.873345 -> 1.87335 -> 1.8734); check those to the exact value instead.
      if (value === 1.8734) assertClose(price, 1.8733445727649356, 1e-14, 0, what);
      else assertPrinted(price, value, 4, what);
    }
  });

  it('given Haug 1998 p. 11 delta example F=105, K=100, T=0.5, r=10%, vol=36%, then call 0.5946, put -0.3566', () => {
    const example = { forward: 105, strike: 100, years: 0.5, rate: 0.1, vol: 0.36 };
    assertPrinted(black76({ type: 'call', ...example }).delta, 0.5946, 4, 'call delta');
    assertPrinted(black76({ type: 'put', ...example }).delta, -0.3566, 4, 'put delta');
  });
});

describe('black76: edge cases', () => {
  const base: Black76Input = { type: 'call', forward: 110, strike: 100, years: 1, rate: 0.05, vol: 0.2 };

  it('given zero years, then the price is the intrinsic value and Greeks are those of a step', () => {
    const call = black76({ ...base, years: 0 });
    assert.deepEqual(call, { price: 10, delta: 1, gamma: 0, vega: 0, theta: 0.5, rho: -0 });
    assert.equal(black76({ ...base, type: 'put', years: 0 }).price, 0);
    assert.equal(black76({ ...base, strike: 110, years: 0 }).delta, 0.5);
  });

  it('given a vanishing vol, then the price tends to the discounted intrinsic value without NaN', () => {
    for (const vol of [1e-8, 1e-13, 1e-300]) {
      const call = black76({ ...base, vol });
      assertClose(call.price, 10 * Math.exp(-0.05), 1e-12, 0, `vol ${vol}`);
      for (const value of Object.values(call)) assert.ok(Number.isFinite(value), `finite at vol ${vol}`);
    }
  });

  it('given deep in- and out-of-the-money strikes, then prices and Greeks stay finite and sensible', () => {
    for (const strike of [1e-6, 1e6]) {
      for (const type of ['call', 'put'] as const) {
        const greeks = black76({ ...base, type, strike });
        for (const value of Object.values(greeks)) assert.ok(Number.isFinite(value), `${type} K=${strike}`);
        assert.ok(greeks.price >= 0);
      }
    }
    assertClose(
      black76({ ...base, strike: 1e6, type: 'put' }).price,
      (1e6 - 110) * Math.exp(-0.05),
      1e-14,
      0,
      'put',
    );
  });

  it('given a non-positive or non-finite forward, strike or vol, then it throws naming the input', () => {
    const bad: Array<[keyof Black76Input, number]> = [
      ['forward', 0],
      ['forward', NaN],
      ['strike', -1],
      ['strike', Infinity],
      ['vol', 0],
      ['vol', -0.2],
      ['years', -1],
      ['rate', NaN],
    ];
    for (const [field, value] of bad) {
      assert.throws(
        () => black76({ ...base, [field]: value }),
        (error: unknown) => error instanceof PricingInputError && error.field === field,
        `${field} = ${value}`,
      );
    }
    assert.throws(() => black76({ ...base, type: 'straddle' as 'call' }), /type must be 'call' or 'put'/);
  });
});

const market = fc.record({
  forward: between(20, 500),
  strike: between(20, 500),
  years: between(0.02, 5),
  rate: between(-0.05, 0.25),
  vol: between(0.03, 2),
});

describe('black76: properties', () => {
  it('put-call parity: C - P = e^{-rT} (F - K)', () => {
    fc.assert(
      fc.property(market, (m) => {
        const parity = black76({ type: 'call', ...m }).price - black76({ type: 'put', ...m }).price;
        assertClose(
          parity,
          Math.exp(-m.rate * m.years) * (m.forward - m.strike),
          1e-12,
          1e-12 * m.strike,
          'parity',
        );
      }),
    );
  });

  it('Greeks agree with central finite differences of the price', () => {
    fc.assert(
      fc.property(optionType, market, (type, m) => {
        const at = (change: Partial<Black76Input>) => black76({ type, ...m, ...change }).price;
        const greeks = black76({ type, ...m });
        const scale = 1e-7 * m.forward;
        const hF = 1e-4 * m.forward;
        const fd = {
          delta: centralDifference((forward) => at({ forward }), m.forward, 1e-5 * m.forward),
          gamma:
            (at({ forward: m.forward + hF }) - 2 * greeks.price + at({ forward: m.forward - hF })) /
            (hF * hF),
          vega: centralDifference((vol) => at({ vol }), m.vol, 1e-5),
          theta: -centralDifference((years) => at({ years }), m.years, 1e-6),
          rho: centralDifference((rate) => at({ rate }), m.rate, 1e-6),
        };
        assertClose(greeks.delta, fd.delta, 1e-5, 1e-9, 'delta');
        assertClose(greeks.gamma, fd.gamma, 1e-3, 1e-7, 'gamma');
        assertClose(greeks.vega, fd.vega, 1e-6, scale, 'vega');
        assertClose(greeks.theta, fd.theta, 1e-5, scale, 'theta');
        assertClose(greeks.rho, fd.rho, 1e-6, scale, 'rho');
      }),
    );
  });

  it('prices rise with vol; calls fall and puts rise with strike', () => {
    fc.assert(
      fc.property(optionType, market, between(1.001, 2), (type, m, factor) => {
        const base = black76({ type, ...m }).price;
        // Deep in the money the time value drops below one rounding unit of the price: allow that much.
        const rounding = 1e-13 * base;
        assert.ok(black76({ type, ...m, vol: m.vol * factor }).price >= base - rounding, 'vol');
        const higherStrike = black76({ type, ...m, strike: m.strike * factor }).price;
        assert.ok(
          type === 'call' ? higherStrike <= base + rounding : higherStrike >= base - rounding,
          'strike',
        );
      }),
    );
  });

  it('prices stay within no-arbitrage bounds: discounted intrinsic <= price <= discounted forward/strike', () => {
    fc.assert(
      fc.property(optionType, market, (type, m) => {
        const { price } = black76({ type, ...m });
        const discount = Math.exp(-m.rate * m.years);
        const intrinsic =
          discount * Math.max(0, type === 'call' ? m.forward - m.strike : m.strike - m.forward);
        const ceiling = discount * (type === 'call' ? m.forward : m.strike);
        const slack = 1e-12 * ceiling;
        assert.ok(
          price >= intrinsic - slack && price <= ceiling + slack,
          `${price} in [${intrinsic}, ${ceiling}]`,
        );
      }),
    );
  });
});
