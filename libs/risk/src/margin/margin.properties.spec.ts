import { describe, it } from 'node:test';
import fc from 'fast-check';
import { creditUsd, requirementUsd } from './money';
import { MarginPortfolio, MarginPosition } from './portfolio';
import { portfolioMargin } from './portfolio-margin';
import { UnderlyingScenarioBook } from './scenario-book';
import {
  BTC_SPOT,
  CONFIG,
  linear,
  linearMark,
  marketOf,
  option,
  optionMark,
  OptionTerms,
} from './spec-support';
import { whatIf } from './what-if';

const optionTerms: OptionTerms[] = [50_000, 60_000, 70_000].flatMap((strike) =>
  (['call', 'put'] as const).flatMap((type) =>
    [7, 90].map((days) => ({ type, strike, days, vol: 0.6, indexPrice: BTC_SPOT })),
  ),
);
const optionMarks = optionTerms.map((terms, i) => optionMark(`BTC-O${i}`, terms));
const market = marketOf([linearMark('BTC-PERP', BTC_SPOT), ...optionMarks]);
const UNIVERSE = optionTerms.length + 1;

const positionAt = (slot: number, quantity: number): MarginPosition =>
  slot === 0
    ? linear('BTC-PERP', quantity, BTC_SPOT)
    : option(optionMarks[slot - 1], quantity, optionTerms[slot - 1]);

/** 1 to 6 distinct instruments with non-zero whole quantities. */
const portfolioArb = fc
  .uniqueArray(fc.integer({ min: 0, max: UNIVERSE - 1 }), { minLength: 1, maxLength: 6 })
  .chain((slots) =>
    fc
      .array(
        fc.integer({ min: -20, max: 20 }).filter((q) => q !== 0),
        { minLength: slots.length, maxLength: slots.length },
      )
      .map(
        (quantities): MarginPortfolio => ({
          account: 'p',
          collateral: [{ asset: 'USDC', units: 100_000 }],
          positions: slots.map((slot, i) => positionAt(slot, quantities[i])),
        }),
      ),
  );
const scaled = (portfolio: MarginPortfolio, k: number): MarginPortfolio => ({
  ...portfolio,
  positions: portfolio.positions.map((p) => ({ ...p, quantity: k * p.quantity, costUsd: k * p.costUsd })),
});
const pm = (portfolio: MarginPortfolio) => portfolioMargin(portfolio, market, CONFIG);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('portfolio margin invariants', () => {
  it('given any portfolio scaled by k > 0, then its scenario loss and IM scale by k (homogeneous in quantity)', () => {
    fc.assert(
      fc.property(portfolioArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (portfolio, k) => {
        const [base, times] = [pm(portfolio), pm(scaled(portfolio, k))];
        return (
          close(times.imUsd, k * base.imUsd) &&
          close(times.byUnderlying[0].scenarioLossUsd, k * base.byUnderlying[0].scenarioLossUsd)
        );
      }),
    );
  });

  it('given any portfolio, when trades offset part of every position pro rata, then IM never increases', () => {
    fc.assert(
      fc.property(portfolioArb, fc.double({ min: 0, max: 1, noNaN: true }), (portfolio, share) => {
        const trades = portfolio.positions.map((p) => ({
          position: p,
          quantity: -share * p.quantity,
          priceUsd: BTC_SPOT,
          settlementAsset: 'USDC',
        }));
        const after = whatIf(portfolio, trades, market, CONFIG);
        return after.portfolio.imUsd <= requirementUsd(pm(portfolio).imUsd);
      }),
    );
  });

  it('given any portfolio, when its exact offset is added, then nothing is required', () => {
    fc.assert(
      fc.property(portfolioArb, (portfolio) => {
        const trades = portfolio.positions.map((p) => ({
          position: p,
          quantity: -p.quantity,
          priceUsd: BTC_SPOT,
          settlementAsset: 'USDC',
        }));
        return whatIf(portfolio, trades, market, CONFIG).portfolio.imUsd === 0;
      }),
    );
  });

  it('given any portfolio, then its scenario loss is at most the sum of its positions\u2019 losses taken alone', () => {
    fc.assert(
      fc.property(portfolioArb, (portfolio) => {
        const together = pm(portfolio).byUnderlying[0].scenarioLossUsd;
        const alone = portfolio.positions.map(
          (p) => pm({ ...portfolio, positions: [p] }).byUnderlying[0].scenarioLossUsd,
        );
        return together <= alone.reduce((a, b) => a + b, 0) + 1e-9;
      }),
    );
  });
});

describe('the per-tick scenario book', () => {
  it('given any accounts, then it margins them exactly as the per-account path', () => {
    const instruments = new Map([
      ['BTC-PERP', { contractSize: 1, option: false }],
      ...optionMarks.map((m) => [m.instrument, { contractSize: 1, option: true }] as const),
    ]);
    const tick = new Map(
      [linearMark('BTC-PERP', BTC_SPOT), ...optionMarks].map((m) => [
        m.instrument,
        { riskArray: m.riskArray!, indexPrice: m.indexPrice, dispersion: 0, invalid: false },
      ]),
    );
    fc.assert(
      fc.property(fc.array(portfolioArb, { minLength: 1, maxLength: 20 }), (portfolios) => {
        const accounts = new Map(portfolios.map((p, i) => [`a${i}`, p.positions]));
        const margins = new UnderlyingScenarioBook(CONFIG.underlyings.BTC, instruments, accounts).remargin(
          tick,
        );
        return portfolios.every(
          (p, i) => close(margins.imUsd[i], pm(p).imUsd) && close(margins.mmUsd[i], pm(p).mmUsd),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('rounding is always against the account', () => {
  const usd = fc.double({ min: -1e12, max: 1e12, noNaN: true });
  // The checks' own float arithmetic errs by a few ulps of x: at 3e11 USD that exceeds a fixed tolerance.
  const ulps = (x: number) => 4 * Math.abs(x) * Number.EPSILON;
  const wholeCents = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < Math.max(1e-3, ulps(x * 100));
  const withinACent = (gap: number, x: number) => gap < 0.01 + Math.max(1e-6, ulps(x));

  it('given any figure, then a requirement rounds up to whole cents, by less than a cent', () => {
    fc.assert(
      fc.property(
        usd,
        (x) =>
          requirementUsd(x) >= x && withinACent(requirementUsd(x) - x, x) && wholeCents(requirementUsd(x)),
      ),
    );
  });

  it('given any figure, then a credit rounds down to whole cents, by less than a cent', () => {
    fc.assert(
      fc.property(
        usd,
        (x) => creditUsd(x) <= x && withinACent(x - creditUsd(x), x) && wholeCents(creditUsd(x)),
      ),
    );
  });
});
