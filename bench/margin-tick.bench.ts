// Margin tick benchmark: one price tick of BTC re-margins 100,000 accounts x 10 positions, by dot products
// of risk arrays (UnderlyingScenarioBook) and, side by side in the same run, by naive full repricing
// (Black-76 for every option position in every scenario).
// Run: npm run build && node --expose-gc dist/bench/margin-tick.bench.js [accounts] [ticks] [naiveTicks]
import {
  addScaled,
  BookPosition,
  buildScenarioGrid,
  defaultUnderlyingParams,
  riskArray,
  RiskInput,
  TickInstrument,
  UnderlyingScenarioBook,
  worstWeightedLoss,
} from '@clearing/risk';

const POSITIONS_PER_ACCOUNT = 10;
const EXPIRY_DAYS = [1, 7, 14, 30, 60, 90, 180, 365];
const STRIKES_PER_SIDE = 12; // 25 strikes x 2 types x 8 expiries = 400 options, + perp and 8 futures
const grid = buildScenarioGrid();
const params = defaultUnderlyingParams(['BTC'], grid);

interface Instrument {
  readonly symbol: string;
  readonly risk: (spot: number) => RiskInput;
}

function instruments(): Instrument[] {
  const linear = (symbol: string): Instrument => ({
    symbol,
    risk: (spot) => ({ kind: 'linear', price: spot, contractSize: 1 }),
  });
  const options = EXPIRY_DAYS.flatMap((days) =>
    Array.from(
      { length: 2 * STRIKES_PER_SIDE + 1 },
      (_, i) => 60_000 * (1 + (i - STRIKES_PER_SIDE) * 0.025),
    ).flatMap((strike) =>
      (['call', 'put'] as const).map(
        (type): Instrument => ({
          symbol: `BTC-${days}D-${strike}-${type}`,
          risk: (spot) => ({
            kind: 'option',
            type,
            forward: spot,
            strike,
            years: days / 365,
            rate: 0,
            vol: 0.6,
            contractSize: 1,
          }),
        }),
      ),
    ),
  );
  return [linear('BTC-PERP'), ...EXPIRY_DAYS.map((days) => linear(`BTC-F${days}`)), ...options];
}

/** Deterministic accounts (mulberry32): 10 distinct instruments each, -10..10 contracts, never 0. */
function accounts(count: number, universe: readonly Instrument[]): Map<string, BookPosition[]> {
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const book = new Map<string, BookPosition[]>();
  for (let a = 0; a < count; a++) {
    const slots = new Set<number>();
    while (slots.size < POSITIONS_PER_ACCOUNT) slots.add(Math.floor(random() * universe.length));
    const quantity = () => (Math.floor(random() * 20) - 10 || 1) * 0.1;
    book.set(
      `acct-${a}`,
      [...slots].map((slot) => ({ instrument: universe[slot].symbol, quantity: quantity() })),
    );
  }
  return book;
}

/** What the oracle publishes per tick: one risk array per instrument (its cost, measured apart). */
function tickOf(universe: readonly Instrument[], spot: number): Map<string, TickInstrument> {
  return new Map(
    universe.map((i) => [
      i.symbol,
      { riskArray: riskArray(i.risk(spot), grid), indexPrice: spot, dispersion: 0, invalid: false },
    ]),
  );
}

/** Naive: every position of every account repriced with Black-76 in every scenario, then the worst loss. */
function naiveLosses(
  book: Map<string, BookPosition[]>,
  bySymbol: Map<string, Instrument>,
  spot: number,
): Float64Array {
  const weights = Float64Array.from(grid.scenarios, (s) => s.weight);
  const pnl = new Float64Array(grid.scenarios.length);
  const losses = new Float64Array(book.size);
  let a = 0;
  for (const positions of book.values()) {
    pnl.fill(0);
    for (const position of positions) {
      addScaled(pnl, position.quantity, riskArray(bySymbol.get(position.instrument)!.risk(spot), grid));
    }
    losses[a++] = worstWeightedLoss(pnl, weights).lossUsd;
  }
  return losses;
}

const MIB = 1024 * 1024;
const percentile = (samples: readonly number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const timed = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};
const line = (what: string, samples: readonly number[]) =>
  console.log(
    samples.length === 0
      ? `| ${what} | not run | | 0 |`
      : `| ${what} | ${percentile(samples, 50).toFixed(1)} ms | ${percentile(samples, 95).toFixed(1)} ms | ${samples.length} |`,
  );

function main(): void {
  const [accountCount, ticks, naiveTicks] = [
    Number(process.argv[2] ?? 100_000),
    Number(process.argv[3] ?? 30),
    Number(process.argv[4] ?? 3),
  ];
  const universe = instruments();
  const bySymbol = new Map(universe.map((i) => [i.symbol, i]));
  const positions = accounts(accountCount, universe);
  const [book, buildMs] = timed(
    () =>
      new UnderlyingScenarioBook(
        params,
        new Map(universe.map((i) => [i.symbol, { contractSize: 1, option: i.symbol.includes('D-') }])),
        positions,
      ),
  );
  (globalThis as { gc?: () => void }).gc?.();
  const afterBuild = process.memoryUsage();
  let peakRss = afterBuild.rss;
  const [oracleMs, marginMs, naiveMs] = [[], [], []] as number[][];
  let last: { spot: number; losses: Float64Array } = { spot: 0, losses: new Float64Array() };
  for (let tick = -3; tick < ticks; tick++) {
    const spot = 60_000 * (1 + 0.001 * Math.sin(tick));
    const [tickFigures, oracle] = timed(() => tickOf(universe, spot));
    const [margins, margin] = timed(() => book.remargin(tickFigures));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (tick < 0) continue; // warm-up: let the JIT settle
    oracleMs.push(oracle);
    marginMs.push(margin);
    last = { spot, losses: margins.lossUsd };
  }
  for (let tick = 0; tick < naiveTicks; tick++) {
    const [losses, naive] = timed(() => naiveLosses(positions, bySymbol, last.spot));
    naiveMs.push(naive);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const worstGap = losses.reduce((gap, loss, a) => Math.max(gap, Math.abs(loss - last.losses[a])), 0);
    if (worstGap > 1e-6) throw new Error(`naive and risk-array margins differ by ${worstGap} USD`);
  }
  console.log(
    `margin tick: ${accountCount.toLocaleString('en-US')} accounts x ${POSITIONS_PER_ACCOUNT} positions, ${universe.length} instruments, ${grid.scenarios.length} scenarios; book built in ${buildMs.toFixed(0)} ms`,
  );
  console.log('| step | median | p95 | ticks |\n| --- | ---: | ---: | ---: |');
  line('re-margin all accounts (risk arrays: dot products + worst loss + contingencies)', marginMs);
  line('oracle share: risk arrays of every instrument (not part of the margin tick)', oracleMs);
  line('naive: Black-76 for every option position in every scenario', naiveMs);
  console.log(
    `memory: rss ${(afterBuild.rss / MIB).toFixed(0)} MiB after build, peak rss ${(peakRss / MIB).toFixed(0)} MiB, heap used ${(afterBuild.heapUsed / MIB).toFixed(0)} MiB after build; naive / risk arrays = ${naiveMs.length ? (percentile(naiveMs, 50) / percentile(marginMs, 50)).toFixed(0) : '-'}x; results equal to 1e-6 USD`,
  );
}

main();
