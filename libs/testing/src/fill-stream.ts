// Test support: a reproducible stream of fills as a matching engine would publish it, with the cash each
// account must end up with computed independently of the ledger (exact bigint decimals, no shared code).
import { fillMessage, FillInput } from './messages-of-engine';

/** The instrument terms a fill generator needs (a subset of config/instruments.json). */
export interface StreamInstrument {
  symbol: string;
  kind: string;
  contractSize: string;
  lotSize: string;
  tickSize: string;
}

export interface FillStreamOptions {
  seed: number;
  accounts: readonly string[];
  instruments: readonly StreamInstrument[];
  /** Distinct fills; exact re-publications and malformed messages come on top. */
  fillCount: number;
  duplicateRate: number;
}

export interface FillStream {
  /** In publication order: good fills with duplicates re-published later, malformed ones scattered. */
  messages: { key: string; value: string }[];
  accepted: FillInput[];
  duplicates: number;
  malformed: number;
}

/** Mulberry32: small, seedable, good enough to pick test data reproducibly from a printed seed. */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
}

/** A non-negative fixed-point value as a decimal string: (1234n, 2) -> '12.34'. */
export function decimalOf(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A decimal string (as Postgres NUMERIC prints it) as an integer count of 10^-scale units; exact. */
export function unitsOf(decimal: string, scale: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  if (fraction.replace(/0+$/, '').length > scale)
    throw new Error(`${decimal} has more than ${scale} decimals`);
  const units = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -units : units;
}

export function scaleOf(decimal: string): number {
  return decimal.includes('.') ? decimal.length - decimal.indexOf('.') - 1 : 0;
}

/** Prices around a level per underlying, so every instrument trades near a plausible mark. */
const PRICE_LEVEL: Record<string, bigint> = { 'BTC-PERP': 60_000n, 'ETH-PERP': 3_000n };

function randomFill(random: (below: number) => number, options: FillStreamOptions, i: number): FillInput {
  const instrument = options.instruments[random(options.instruments.length)];
  const tickScale = scaleOf(instrument.tickSize);
  const tick = unitsOf(instrument.tickSize, tickScale);
  const level = (PRICE_LEVEL[instrument.symbol] ?? 500n) * 10n ** BigInt(tickScale);
  const priceUnits = level - (level / 50n / tick) * tick + tick * BigInt(random(2_000));
  const lotScale = scaleOf(instrument.lotSize);
  const quantityUnits = unitsOf(instrument.lotSize, lotScale) * BigInt(1 + random(50));
  const buyer = random(options.accounts.length);
  const seller = (buyer + 1 + random(options.accounts.length - 1)) % options.accounts.length;
  return {
    fillId: `fill-${options.seed}-${i}`,
    instrument: instrument.symbol,
    price: decimalOf(priceUnits, tickScale),
    quantity: decimalOf(quantityUnits, lotScale),
    buyer: options.accounts[buyer],
    seller: options.accounts[seller],
    fee: decimalOf(BigInt(random(300)), 2),
  };
}

/** What a CCP must refuse, each for one reason, with fill ids no good fill uses. */
function malformedMessages(options: FillStreamOptions): { key: string; value: string }[] {
  const [alice, bob] = options.accounts;
  const base = { instrument: 'BTC-PERP', price: '60000', quantity: '1', buyer: alice, seller: bob };
  return [
    { key: 'BTC-PERP', value: '{"fillId": "bad-json", "price": ' },
    { key: 'BTC-PERP', value: JSON.stringify({ schemaVersion: 1, fillId: 'bad-schema', price: '1' }) },
    fillMessage({ ...base, fillId: 'bad-account', seller: 'nobody' }),
    fillMessage({ ...base, fillId: 'bad-self-trade', seller: alice }),
    fillMessage({ ...base, fillId: 'bad-lot', quantity: '0.00005' }),
    fillMessage({ ...base, fillId: 'bad-price', price: '-5' }),
    fillMessage({ ...base, fillId: 'bad-instrument', instrument: 'DOGE-PERP' }),
  ];
}

export function fillStream(options: FillStreamOptions): FillStream {
  const random = seededRandom(options.seed);
  const accepted = Array.from({ length: options.fillCount }, (_, i) => randomFill(random, options, i));
  const messages = accepted.map(fillMessage);
  const duplicates = Math.round(options.fillCount * options.duplicateRate);
  for (let d = 0; d < duplicates; d++) {
    // A re-publication lands after its original (same key, so same partition, later offset).
    const original = random(messages.length);
    const at = original + 1 + random(messages.length - original);
    messages.splice(at, 0, { ...messages[original] });
  }
  const malformed = malformedMessages(options);
  for (const bad of malformed) messages.splice(random(messages.length), 0, bad);
  return { messages, accepted, duplicates, malformed: malformed.length };
}

/** Per account: USDC in micro-units from premiums, fees and realized P&L of futures and perpetuals. */
export interface ExpectedBook {
  cashMicroUsdc: bigint;
  /** Exact cost of the open lots per instrument, in lot units x micro-USDC x contract-size units. */
  costs: Map<string, bigint>;
  /** Net quantity per instrument in units of its lot size's last decimal (0.0001 for a 0.0001 lot). */
  quantities: Map<string, bigint>;
}

const USDC_SCALE = 6;

/** Folds the accepted fills with plain arithmetic: buyer pays the option premium, both pay their fee. */
export function expectedBooks(
  accepted: readonly FillInput[],
  instruments: readonly StreamInstrument[],
): Map<string, ExpectedBook> {
  const terms = new Map(instruments.map((i) => [i.symbol, i]));
  const books = new Map<string, ExpectedBook>();
  const book = (account: string) => {
    if (!books.has(account))
      books.set(account, { cashMicroUsdc: 0n, costs: new Map(), quantities: new Map() });
    return books.get(account)!;
  };
  for (const fill of accepted) {
    const instrument = terms.get(fill.instrument)!;
    const lotScale = scaleOf(instrument.lotSize);
    const quantity = unitsOf(fill.quantity, lotScale);
    const fee = unitsOf(fill.fee ?? '0', USDC_SCALE);
    const premium = instrument.kind === 'option' ? premiumMicroUsdc(fill, instrument) : 0n;
    for (const [account, sign] of [
      [fill.buyer, 1n],
      [fill.seller, -1n],
    ] as const) {
      const entry = book(account);
      const held = entry.quantities.get(fill.instrument) ?? 0n;
      if (instrument.kind !== 'option') {
        const costKey = `cost:${fill.instrument}`;
        const cost = entry.costs.get(costKey) ?? 0n;
        const trade = realize(instrument, held, cost, sign * quantity, unitsOf(fill.price, USDC_SCALE));
        entry.costs.set(costKey, trade.cost);
        entry.cashMicroUsdc += trade.realizedMicroUsdc;
      }
      entry.cashMicroUsdc += -sign * premium - fee;
      entry.quantities.set(fill.instrument, held + sign * quantity);
    }
  }
  return books;
}

function premiumMicroUsdc(fill: FillInput, instrument: StreamInstrument): bigint {
  const scales = [fill.quantity, fill.price, instrument.contractSize].map(scaleOf);
  const total = scales.reduce((a, b) => a + b, 0);
  if (total > USDC_SCALE) throw new Error(`premium of ${fill.fillId} is not exact in micro-USDC`);
  const units = unitsOf(fill.quantity, scales[0]) * unitsOf(fill.price, scales[1]);
  return units * unitsOf(instrument.contractSize, scales[2]) * 10n ** BigInt(USDC_SCALE - total);
}

/**
 * Average-cost P&L as the rulebook states it: a reducing trade realizes (price - average cost) on the
 * closed part, the closed part's cost share truncated with the residue left on the open lots, and the
 * result floored to micro-USDC (against the account).
 */
function realize(
  instrument: StreamInstrument,
  held: bigint,
  cost: bigint,
  delta: bigint,
  priceMicro: bigint,
): { cost: bigint; realizedMicroUsdc: bigint } {
  const size = unitsOf(instrument.contractSize, scaleOf(instrument.contractSize));
  const toMicro = 10n ** BigInt(scaleOf(instrument.lotSize) + scaleOf(instrument.contractSize));
  if (held === 0n || held > 0n === delta > 0n)
    return { cost: cost + delta * priceMicro * size, realizedMicroUsdc: 0n };
  const closing = (delta < 0n ? -delta : delta) <= (held < 0n ? -held : held) ? -delta : held;
  const removed = closing === held ? cost : (cost * closing) / held;
  const pnl = closing * priceMicro * size - removed;
  const floored = pnl / toMicro - (pnl % toMicro !== 0n && pnl < 0n ? 1n : 0n);
  const opened = delta + closing;
  return { cost: cost - removed + opened * priceMicro * size, realizedMicroUsdc: floored };
}
