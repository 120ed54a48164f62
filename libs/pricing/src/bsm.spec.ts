import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { black76 } from './black76';
import { bsm, BsmInput } from './bsm';
import { assertClose, assertPrinted, between, centralDifference, optionType } from './spec-support';

// J. C. Hull, "Options, Futures, and Other Derivatives" (9th ed.), ch. 15 (Black-Scholes-Merton worked
// example: S0=42, K=40, r=10%, vol=20%, T=0.5) and ch. 19 (Greek letters, the running example of a
// 100,000-share call: S0=49, K=50, r=5%, vol=20%, T=20 weeks). A non-dividend stock: carry = rate.
const HULL_42 = { spot: 42, strike: 40, years: 0.5, rate: 0.1, carry: 0.1, vol: 0.2 };
const HULL_49 = { spot: 49, strike: 50, years: 20 / 52, rate: 0.05, carry: 0.05, vol: 0.2 };

describe('bsm: Hull worked examples', () => {
  it('given S=42, K=40, r=10%, vol=20%, T=0.5, then call 4.76 and put 0.81', () => {
    assertPrinted(bsm({ type: 'call', ...HULL_42 }).price, 4.76, 2, 'call');
    assertPrinted(bsm({ type: 'put', ...HULL_42 }).price, 0.81, 2, 'put');
  });

  it('given S=49, K=50, r=5%, vol=20%, T=20/52, then call 2.40 with delta 0.522, gamma 0.066, vega 12.1, theta -4.31, rho 8.91', () => {
    const call = bsm({ type: 'call', ...HULL_49 });
    assertPrinted(call.price, 2.4, 2, 'price');
    assertPrinted(call.delta, 0.522, 3, 'delta');
    assertPrinted(call.gamma, 0.066, 3, 'gamma');
    assertPrinted(call.vega, 12.1, 1, 'vega');
    assertPrinted(call.theta, -4.31, 2, 'theta per year');
    // Hull's stock rho moves the carry with the rate (b = r): our rate rho plus carry rho.
    assertPrinted(call.rho + call.carryRho, 8.91, 2, 'rho');
  });
});

// E. G. Haug, "The Complete Guide to Option Pricing Formulas", McGraw-Hill 1998: examples of ch. 1
// (pp. 2-8), p. 27 and the Greeks of pp. 11-16, as transcribed in QuantLib test-suite/europeanoption.cpp.
describe('bsm: Haug examples', () => {
  const cases: ReadonlyArray<[string, BsmInput, number]> = [
    [
      'Black-Scholes stock, b = r',
      { type: 'call', spot: 60, strike: 65, years: 0.25, rate: 0.08, carry: 0.08, vol: 0.3 },
      2.1334,
    ],
    [
      'Merton index, q = 5%',
      { type: 'put', spot: 100, strike: 95, years: 0.5, rate: 0.1, carry: 0.05, vol: 0.2 },
      2.4648,
    ],
    [
      'Black-76 future, b = 0',
      { type: 'put', spot: 19, strike: 19, years: 0.75, rate: 0.1, carry: 0, vol: 0.28 },
      1.7011,
    ],
    [
      'Garman-Kohlhagen FX, rf = 8%',
      { type: 'call', spot: 1.56, strike: 1.6, years: 0.5, rate: 0.06, carry: -0.02, vol: 0.12 },
      0.0291,
    ],
    [
      'generalized, b = 5%',
      { type: 'put', spot: 75, strike: 70, years: 0.5, rate: 0.1, carry: 0.05, vol: 0.35 },
      4.087,
    ],
    [
      'p. 27, q = 8%, r = 4%',
      { type: 'call', spot: 42, strike: 40, years: 0.75, rate: 0.04, carry: -0.04, vol: 0.35 },
      5.0975,
    ],
  ];
  for (const [name, input, value] of cases) {
    it(`given the ${name} example, then the ${input.type} is worth ${value}`, () => {
      assertPrinted(bsm(input).price, value, 4, name);
    });
  }

  it('given the Greek examples, then gamma 0.0278, vega 18.9358, theta -31.1924, rho 38.7325, dividend rho 42.2254', () => {
    const gammaVega = { spot: 55, strike: 60, years: 0.75, rate: 0.1, carry: 0.1, vol: 0.3 };
    for (const type of ['call', 'put'] as const) {
      assertPrinted(bsm({ type, ...gammaVega }).gamma, 0.0278, 4, `${type} gamma`);
      assertPrinted(bsm({ type, ...gammaVega }).vega, 18.9358, 4, `${type} vega`);
    }
    const thetaPut = bsm({
      type: 'put',
      spot: 430,
      strike: 405,
      years: 1 / 12,
      rate: 0.07,
      carry: 0.02,
      vol: 0.2,
    });
    assertPrinted(thetaPut.theta, -31.1924, 4, 'theta per year');
    assertPrinted(thetaPut.theta / 365, -0.0855, 4, 'theta per day');
    const rhoCall = bsm({ type: 'call', spot: 72, strike: 75, years: 1, rate: 0.09, carry: 0.09, vol: 0.19 });
    assertPrinted(rhoCall.rho + rhoCall.carryRho, 38.7325, 4, 'rho with b = r');
    // Dividend rho dP/dq with b = r - q is minus the carry rho.
    const put = bsm({ type: 'put', spot: 500, strike: 490, years: 0.25, rate: 0.08, carry: 0.03, vol: 0.15 });
    assertPrinted(-put.carryRho, 42.2254, 4, 'dividend rho');
  });
});

const market = fc.record({
  spot: between(20, 500),
  strike: between(20, 500),
  years: between(0.02, 5),
  rate: between(-0.05, 0.25),
  carry: between(-0.2, 0.25),
  vol: between(0.03, 2),
});

describe('bsm: properties', () => {
  it('put-call parity: C - P = S e^{(b-r)T} - K e^{-rT}', () => {
    fc.assert(
      fc.property(market, (m) => {
        const parity = bsm({ type: 'call', ...m }).price - bsm({ type: 'put', ...m }).price;
        const expected =
          m.spot * Math.exp((m.carry - m.rate) * m.years) - m.strike * Math.exp(-m.rate * m.years);
        assertClose(parity, expected, 1e-12, 1e-12 * (m.spot + m.strike), 'parity');
      }),
    );
  });

  it('Greeks agree with central finite differences of the price', () => {
    fc.assert(
      fc.property(optionType, market, (type, m) => {
        const at = (change: Partial<BsmInput>) => bsm({ type, ...m, ...change }).price;
        const greeks = bsm({ type, ...m });
        const scale = 1e-7 * m.spot;
        const hS = 1e-4 * m.spot;
        const gamma = (at({ spot: m.spot + hS }) - 2 * greeks.price + at({ spot: m.spot - hS })) / (hS * hS);
        assertClose(
          greeks.delta,
          centralDifference((spot) => at({ spot }), m.spot, 1e-5 * m.spot),
          1e-5,
          1e-9,
          'delta',
        );
        assertClose(greeks.gamma, gamma, 1e-3, 1e-7, 'gamma');
        assertClose(
          greeks.vega,
          centralDifference((vol) => at({ vol }), m.vol, 1e-5),
          1e-6,
          scale,
          'vega',
        );
        assertClose(
          greeks.theta,
          -centralDifference((years) => at({ years }), m.years, 1e-6),
          1e-5,
          scale,
          'theta',
        );
        assertClose(
          greeks.rho,
          centralDifference((rate) => at({ rate }), m.rate, 1e-6),
          1e-6,
          scale,
          'rho',
        );
        const carryRho = centralDifference((carry) => at({ carry }), m.carry, 1e-6);
        assertClose(greeks.carryRho, carryRho, 1e-6, scale, 'carryRho');
      }),
    );
  });
});

describe('bsm: consistency, bounds and errors', () => {
  it('with zero carry it is Black-76 on the spot as the forward', () => {
    fc.assert(
      fc.property(optionType, market, (type, m) => {
        const gbsm = bsm({ type, ...m, carry: 0 });
        const onForward = black76({
          type,
          forward: m.spot,
          strike: m.strike,
          years: m.years,
          rate: m.rate,
          vol: m.vol,
        });
        // === rather than deepEqual: a -0 versus 0 sign difference is not a pricing difference.
        for (const [greek, value] of Object.entries(onForward))
          assert.ok(gbsm[greek as keyof typeof gbsm] === value, greek);
      }),
    );
  });
  it('prices stay within no-arbitrage bounds and never go negative', () => {
    fc.assert(
      fc.property(optionType, market, (type, m) => {
        const { price } = bsm({ type, ...m });
        const spotValue = m.spot * Math.exp((m.carry - m.rate) * m.years);
        const strikeValue = m.strike * Math.exp(-m.rate * m.years);
        const intrinsic = Math.max(0, type === 'call' ? spotValue - strikeValue : strikeValue - spotValue);
        const ceiling = type === 'call' ? spotValue : strikeValue;
        const slack = 1e-12 * ceiling;
        assert.ok(
          price >= intrinsic - slack && price <= ceiling + slack,
          `${price} in [${intrinsic}, ${ceiling}]`,
        );
      }),
    );
  });

  it('given a carry that overflows the forward, then it throws naming carry', () => {
    assert.throws(
      () => bsm({ type: 'call', spot: 1, strike: 1, years: 10, rate: 0, carry: 100, vol: 0.2 }),
      /carry/,
    );
  });
});
