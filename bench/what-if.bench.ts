// What-if latency: the margin of a 10-position BTC book (perp, future, calls and puts on several expiries)
// plus 1 to 3 hypothetical trades, as the margin calculator's POST /accounts/{a}/what-if computes it (the
// HTTP layer adds its own ~1 ms). Also the withdrawal check, which is two margin computations.
// Run: npm run build && node dist/bench/what-if.bench.js [calls]
import { black76 } from '@clearing/pricing';
import {
  buildScenarioGrid,
  defaultMarginConfig,
  HypotheticalTrade,
  MarginMark,
  MarginPortfolio,
  MarketView,
  riskArray,
  whatIf,
} from '@clearing/risk';

const CALLS = Number(process.argv[2] ?? 20_000);
const SPOT = 60_000;
const grid = buildScenarioGrid();
const config = defaultMarginConfig();

function optionMark(instrument: string, type: 'call' | 'put', strike: number, days: number): MarginMark {
  const input = { type, forward: SPOT, strike, years: days / 365, rate: 0, vol: 0.6 };
  const greeks = black76(input);
  return {
    instrument,
    underlying: 'BTC',
    status: 'valid',
    indexPrice: SPOT,
    markPrice: greeks.price,
    riskArray: riskArray({ kind: 'option', ...input, contractSize: 1 }, grid),
    option: { greeks: { delta: greeks.delta, gamma: greeks.gamma, vega: greeks.vega, theta: greeks.theta } },
  };
}

function linearMark(instrument: string): MarginMark {
  const pnl = riskArray({ kind: 'linear', price: SPOT, contractSize: 1 }, grid);
  return {
    instrument,
    underlying: 'BTC',
    status: 'valid',
    indexPrice: SPOT,
    markPrice: SPOT,
    riskArray: pnl,
  };
}

const OPTIONS: [string, 'call' | 'put', number, number][] = [7, 30, 90, 180].flatMap((days) => [
  [`BTC-${days}D-66000-C`, 'call', 66_000, days] as [string, 'call', number, number],
  [`BTC-${days}D-54000-P`, 'put', 54_000, days] as [string, 'put', number, number],
]);
const marks = [
  linearMark('BTC-PERP'),
  linearMark('BTC-F90'),
  ...OPTIONS.map(([s, t, k, d]) => optionMark(s, t, k, d)),
];
const market: MarketView = {
  marks: new Map(marks.map((m) => [m.instrument, m])),
  assetPricesUsd: new Map([
    ['USDC', 1],
    ['BTC', SPOT],
  ]),
  redemptionRates: new Map(),
  volatility: new Map(),
};

const portfolio: MarginPortfolio = {
  account: 'trader',
  collateral: [
    { asset: 'USDC', units: 250_000 },
    { asset: 'BTC', units: 2 },
  ],
  positions: [
    { instrument: 'BTC-PERP', kind: 'perpetual', quantity: 3, contractSize: 1, costUsd: 3 * 59_000 },
    { instrument: 'BTC-F90', kind: 'future', quantity: -2, contractSize: 1, costUsd: -2 * 61_000 },
    ...OPTIONS.map(([instrument, optionType, strike], i) => ({
      instrument,
      kind: 'option' as const,
      quantity: i % 2 === 0 ? -5 : 4,
      contractSize: 1,
      costUsd: (i % 2 === 0 ? -5 : 4) * 2_000,
      strike,
      optionType,
    })),
  ],
};

const trade = (instrument: string, quantity: number, priceUsd: number): HypotheticalTrade => {
  const held = portfolio.positions.find((p) => p.instrument === instrument)!;
  const { quantity: _q, costUsd: _c, ...position } = held;
  return { position, quantity, priceUsd, settlementAsset: 'USDC' };
};
const SCENARIOS: HypotheticalTrade[][] = [
  [trade('BTC-PERP', -1, SPOT)],
  [trade('BTC-30D-66000-C', 10, 1_500), trade('BTC-PERP', -2, SPOT)],
  [trade('BTC-7D-54000-P', -3, 300), trade('BTC-90D-66000-C', 2, 4_000), trade('BTC-F90', 1, 61_000)],
];

function measure(): number[] {
  const micros: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    whatIf(portfolio, SCENARIOS[i % SCENARIOS.length], market, config);
    micros.push(Number(process.hrtime.bigint() - started) / 1_000);
  }
  return micros.sort((a, b) => a - b);
}

measure(); // warm-up: JIT
const micros = measure();
const at = (q: number) => micros[Math.min(micros.length - 1, Math.floor(q * micros.length))].toFixed(1);
console.log(
  `what-if, 10 positions + 1..3 trades, ${CALLS} calls (µs): p50 ${at(0.5)}  p99 ${at(0.99)}  max ${at(1)}`,
);
