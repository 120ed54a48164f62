import { depositMessage, fillMessage } from './messages-of-engine';

/** One benchmark's order flow: accounts, a deposit each, and fills between random pairs of them. */
export interface BenchBook {
  accounts: string[];
  deposits: { key: string; value: string }[];
  fills: { key: string; value: string }[];
}

// Prices on the tick grid and quantities in whole lots of config/instruments.json, built from integers
// (price = base + k ticks, quantity = n lots) so no float ever formats an amount.
const INSTRUMENTS = [
  { symbol: 'BTC-PERP', basePriceUsd: 60_000n, tickDecimals: 1, ticksPerUnit: 2n, lotDecimals: 4 },
  { symbol: 'ETH-PERP', basePriceUsd: 3_000n, tickDecimals: 2, ticksPerUnit: 20n, lotDecimals: 3 },
] as const;
const DEPOSIT_USDC = '1000000';
const FEE_USDC = '0.25';

/**
 * Deterministic for a seed, so every run of the benchmark clears the same book. `symbols` narrows the
 * instruments traded (a benchmark that only prices BTC trades only BTC-PERP); all of them by default.
 */
export function benchBook(
  fillCount: number,
  accountCount: number,
  seed = 42,
  symbols: readonly string[] = INSTRUMENTS.map((i) => i.symbol),
): BenchBook {
  const traded = INSTRUMENTS.filter((i) => symbols.includes(i.symbol));
  if (traded.length === 0) throw new Error(`none of ${symbols.join(', ')} is a bench instrument`);
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const accounts = Array.from({ length: accountCount }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  const fills = Array.from({ length: fillCount }, (_, i) => {
    const instrument = traded[i % traded.length];
    const buyer = pick(accountCount);
    const seller = (buyer + 1 + pick(accountCount - 1)) % accountCount;
    return fillMessage({
      fillId: `bench-fill-${i}`,
      instrument: instrument.symbol,
      price: priceOnTick(instrument, BigInt(pick(2_000) - 1_000)),
      quantity: decimal(BigInt(1 + pick(100)), instrument.lotDecimals),
      buyer: accounts[buyer],
      seller: accounts[seller],
      fee: FEE_USDC,
    });
  });
  return { accounts, deposits: accounts.map((a) => depositMessage(a, DEPOSIT_USDC)), fills };
}

function priceOnTick(instrument: (typeof INSTRUMENTS)[number], ticksFromBase: bigint): string {
  const ticks = instrument.basePriceUsd * instrument.ticksPerUnit + ticksFromBase;
  const tickUnits = 10n ** BigInt(instrument.tickDecimals) / instrument.ticksPerUnit;
  return decimal(ticks * tickUnits, instrument.tickDecimals);
}

/** `units` minor units at `decimals` places as a decimal string: decimal(25n, 2) = '0.25'. */
function decimal(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
