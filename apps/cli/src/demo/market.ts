import {
  decimalOf,
  depositMessage,
  fillMessage,
  scaleOf,
  seededRandom,
  signedByAdmin,
  unitsOf,
} from '@clearing/testing';

type Message = { key: string; value: string };

/** The demo's cast, named with a run suffix so repeated demos on one cluster never collide. */
export interface MarketCast {
  readonly run: string;
  /** Traders with small, well-margined books: the crowd whose fills are netted. */
  readonly takers: readonly string[];
  /** Market makers: the other side of every taker fill, holding spot inventory to sell. */
  readonly makers: readonly string[];
  /** Leveraged BTC longs the crash is aimed at (see waterfall-cast.ts). */
  readonly leveraged: Readonly<Record<string, { usdc: string; btcPerp: string; role: WaterfallRole }>>;
}

/** What the crash does to a leveraged long (the deleveraging e2e's alice, carol and dave, several each). */
export type WaterfallRole = 'partial-liquidation' | 'insurance-draw' | 'adl';

/** Per instrument: a taker's quantity range (in minor steps of `step`) and the price around the path. */
interface Traded {
  readonly instrument: string;
  readonly underlying: 'BTC' | 'ETH';
  readonly step: string;
  readonly maxSteps: number;
  /** Price from the underlying's index (the options are far out of the money: a small fixed premium). */
  readonly price: (indexUsd: number) => number;
  /** Takers only buy spot: selling spot needs the asset, and only makers hold inventory. */
  readonly takerSells: boolean;
}

/** Spot, perpetuals, a dated future and options on BTC and ETH, as config/instruments.json lists them. */
export const TRADED: readonly Traded[] = [
  {
    instrument: 'BTC-USDC',
    underlying: 'BTC',
    step: '0.001',
    maxSteps: 50,
    price: (i) => i,
    takerSells: false,
  },
  {
    instrument: 'ETH-USDC',
    underlying: 'ETH',
    step: '0.01',
    maxSteps: 100,
    price: (i) => i,
    takerSells: false,
  },
  {
    instrument: 'BTC-PERP',
    underlying: 'BTC',
    step: '0.001',
    maxSteps: 200,
    price: (i) => i,
    takerSells: true,
  },
  {
    instrument: 'ETH-PERP',
    underlying: 'ETH',
    step: '0.01',
    maxSteps: 300,
    price: (i) => i,
    takerSells: true,
  },
  // The basis of a dated future: about 1.5 % over the index until March.
  {
    instrument: 'BTC-27MAR26',
    underlying: 'BTC',
    step: '0.001',
    maxSteps: 200,
    price: (i) => i * 1.015,
    takerSells: true,
  },
  {
    instrument: 'BTC-25DEC26-100000-C',
    underlying: 'BTC',
    step: '1',
    maxSteps: 5,
    price: () => 10,
    takerSells: true,
  },
  {
    instrument: 'ETH-25DEC26-4000-C',
    underlying: 'ETH',
    step: '1',
    maxSteps: 5,
    price: () => 20,
    takerSells: true,
  },
];

export function castOf(takerCount: number, run: string): MarketCast {
  const named = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}-${run}-${i + 1}`);
  const leveraged: Record<string, MarketCast['leveraged'][string]> = {};
  // NLV at 50,000 after buying at 60,000: alice 15,000 - 10,000 > 0 (under MM: sold in part), carol
  // 8,000 - 10,000 = -2,000 (the shard's 5,000 fund covers it), dave 75,000 - 100,000 = -25,000 (more
  // than any shard's fund: deleveraged against the profitable shorts).
  for (const name of named('alice', 4))
    leveraged[name] = { usdc: '15000', btcPerp: '1', role: 'partial-liquidation' };
  for (const name of named('carol', 4))
    leveraged[name] = { usdc: '8000', btcPerp: '1', role: 'insurance-draw' };
  for (const name of named('dave', 2)) leveraged[name] = { usdc: '75000', btcPerp: '10', role: 'adl' };
  return { run, takers: named('trader', takerCount), makers: named('maker', 8), leveraged };
}

export const allAccounts = (cast: MarketCast): string[] => [
  ...cast.takers,
  ...cast.makers,
  ...Object.keys(cast.leveraged),
];

/** Collateral as custody reports it: USDC for all, stETH (liquid staking) for every fourth taker. */
export function depositsOf(cast: MarketCast): Message[] {
  const random = seededRandom(7);
  const takers = cast.takers.flatMap((account, i) => [
    depositMessage(account, String(100_000 + 1_000 * random(100))),
    ...(i % 4 === 0 ? [depositMessage(account, '10', 'stETH')] : []),
  ]);
  const makers = cast.makers.flatMap((account) => [
    depositMessage(account, '50000000'),
    depositMessage(account, '1000', 'BTC'),
    depositMessage(account, '20000', 'ETH'),
  ]);
  const leveraged = Object.entries(cast.leveraged).map(([account, { usdc }]) =>
    depositMessage(account, usdc),
  );
  // The backstop takes over what liquidations sell; its collateral comes from the operator.
  return [
    ...takers,
    ...makers,
    ...leveraged,
    signedByAdmin(depositMessage('BACKSTOP', '50000000', 'USDC', `dep-BACKSTOP-${cast.run}`)),
  ];
}

/** The leveraged longs buy BTC-PERP at 60,000 from the first maker (the crash's targets). */
export function leveragedFills(cast: MarketCast): Message[] {
  return Object.entries(cast.leveraged).map(([buyer, { btcPerp }]) =>
    fillMessage({
      fillId: `demo-${cast.run}-lev-${buyer}`,
      instrument: 'BTC-PERP',
      price: '60000',
      quantity: btcPerp,
      buyer,
      seller: cast.makers[0],
      eventTime: new Date().toISOString(),
    }),
  );
}

/**
 * One round of the matching engine: `count` fills, each a random taker against a random maker, on a
 * random instrument at its price off the current index (± a few dollars), numbered from `firstNumber`.
 */
export function fillRound(
  cast: MarketCast,
  indexUsd: Readonly<Record<'BTC' | 'ETH', number>>,
  firstNumber: number,
  count: number,
): Message[] {
  const random = seededRandom(firstNumber + 1);
  return Array.from({ length: count }, (_, i) => {
    const traded = TRADED[random(TRADED.length)];
    const taker = cast.takers[random(cast.takers.length)];
    const maker = cast.makers[random(cast.makers.length)];
    const takerBuys = !traded.takerSells || random(2) === 0;
    // Whole dollars, a few either side of fair: on every instrument's tick (0.5 BTC, 0.05 ETH, options).
    const price = String(Math.round(traded.price(indexUsd[traded.underlying])) + random(11) - 5);
    const quantity = stepsOf(traded.step, 1 + random(traded.maxSteps));
    return fillMessage({
      fillId: `demo-${cast.run}-${firstNumber + i}`,
      instrument: traded.instrument,
      price,
      quantity,
      buyer: takerBuys ? taker : maker,
      seller: takerBuys ? maker : taker,
      fee: '0.5',
      eventTime: new Date().toISOString(),
    });
  });
}

/** `steps` x `step` as an exact decimal string ('0.001' x 25 -> '0.025'). */
function stepsOf(step: string, steps: number): string {
  const scale = scaleOf(step);
  return decimalOf(unitsOf(step, scale) * BigInt(steps), scale);
}
