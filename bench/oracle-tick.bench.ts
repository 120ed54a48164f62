// Oracle tick benchmark: marks plus risk arrays for 2,000 instruments per full tick.
// Run: npm run build && node dist/bench/oracle-tick.bench.js [ticks]
import { encodeMessage, InstrumentDefinition, TOPICS } from '@clearing/contracts';
import {
  createOracleConfig,
  evolve,
  instrumentMarkToWire,
  markAll,
  Observation,
  OracleState,
  replay,
} from '@clearing/valuation';

const T0 = Date.parse('2026-03-14T09:00:00Z');
const DAY_MS = 86_400_000;
const UNDERLYINGS = [
  { code: 'BTC', spot: 65_000 },
  { code: 'ETH', spot: 3_200 },
];
const EXPIRY_DAYS = [1, 2, 7, 14, 28, 56, 91, 182, 273, 364];
const STRIKES_PER_SIDE = 25; // 51 strikes x 2 types x 10 expiries = 1,020 options per underlying
const INSTRUMENTS = 2_000;
const SOURCES = ['coinbase', 'binance', 'kraken', 'okx', 'bitstamp'];

/** Perpetual, 10 dated futures and 1,020 options per underlying, cut to exactly INSTRUMENTS. */
function instruments(): InstrumentDefinition[] {
  const size = { contractSize: '1', settlementAsset: 'USDC', lotSize: '0.001', tickSize: '0.5' };
  return UNDERLYINGS.flatMap(({ code, spot }) => {
    const perp: InstrumentDefinition = {
      symbol: `${code}-PERP`,
      kind: 'perpetual',
      underlying: code,
      ...size,
    };
    const dated = EXPIRY_DAYS.flatMap((days) => {
      const expiry = new Date(T0 + days * DAY_MS).toISOString();
      const future: InstrumentDefinition = {
        symbol: `${code}-F${days}`,
        kind: 'future',
        underlying: code,
        expiry,
        ...size,
      };
      const options = Array.from(
        { length: 2 * STRIKES_PER_SIDE + 1 },
        (_, i) => i - STRIKES_PER_SIDE,
      ).flatMap((step) =>
        (['call', 'put'] as const).map((optionType): InstrumentDefinition => {
          const strike = String(Math.round(spot * (1 + step * 0.025)));
          const suffix = `${optionType === 'call' ? 'C' : 'P'}`;
          const symbol = `${code}-O${days}-${strike}-${suffix}`;
          return { symbol, kind: 'option', underlying: code, expiry, strike, optionType, ...size };
        }),
      );
      return [future, ...options];
    });
    return [perp, ...dated];
  }).slice(0, INSTRUMENTS);
}

/** Index quotes from every source and a 7-point smile per expiry. */
function openingInputs(): Observation[] {
  return UNDERLYINGS.flatMap(({ code, spot }) => [
    ...SOURCES.map(
      (source, i): Observation => ({
        kind: 'index-quote',
        source,
        underlying: code,
        price: spot * (1 + (i - 2) * 0.0002),
        eventTimeMs: T0,
        receivedAtMs: T0,
      }),
    ),
    ...EXPIRY_DAYS.flatMap((days) =>
      [-0.3, -0.15, -0.05, 0, 0.05, 0.15, 0.3].map(
        (k): Observation => ({
          kind: 'implied-vol',
          source: 'deribit',
          underlying: code,
          expiryMs: T0 + days * DAY_MS,
          strike: spot * Math.exp(k),
          iv: 0.55 + 0.4 * k * k - 0.05 * k,
          eventTimeMs: T0,
          receivedAtMs: T0,
        }),
      ),
    ),
  ]);
}

function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

function main(): void {
  const ticks = Number(process.argv[2] ?? 50);
  const config = createOracleConfig(instruments());
  let state: OracleState = replay(openingInputs(), config);
  const markMs: number[] = [];
  const wireMs: number[] = [];
  let count = 0;
  for (let tick = -5; tick < ticks; tick++) {
    // One full tick: every source requotes every underlying one second later, then everything is re-marked.
    const started = performance.now();
    for (const { code, spot } of UNDERLYINGS) {
      for (const source of SOURCES) {
        const price = spot * (1 + 0.001 * Math.sin(tick + source.length));
        const obs: Observation = {
          kind: 'index-quote',
          source,
          underlying: code,
          price,
          eventTimeMs: T0 + (tick + 6) * 1000,
          receivedAtMs: T0 + (tick + 6) * 1000,
        };
        state = evolve(state, obs, config).state;
      }
    }
    const marks = markAll(state, config);
    const marked = performance.now();
    const bytes = marks.reduce(
      (sum, mark) => sum + encodeMessage(TOPICS.marks, instrumentMarkToWire(mark)).length,
      0,
    );
    const encoded = performance.now();
    if (tick < 0) continue; // warm-up: let the JIT settle
    count = marks.length;
    markMs.push(marked - started);
    wireMs.push(encoded - started);
    if (bytes === 0) throw new Error('nothing encoded');
  }
  const report = (what: string, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(
      `${what}: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms`,
    );
  };
  console.log(
    `oracle tick: ${count} instruments, ${config.gridOf('BTC').scenarios.length} scenarios, ${ticks} ticks`,
  );
  report('fold + marks + risk arrays', markMs);
  report('... + marks.v1 encoding (JSON + schema validation)', wireMs);
}

main();
