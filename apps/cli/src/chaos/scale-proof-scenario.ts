// Test support for the scale proof: a BTC-PERP book whose bankrupt long's best ADL counterparty sits on
// the other deleveraging instance's partitions, and a steady ETH-PERP load on other accounts.
import { partitionOfKey } from '@clearing/kafka';
import {
  AcknowledgedLoad,
  DeleveragingFixture,
  depositMessage,
  FillInput,
  fillMessage,
  FillStream,
  indexQuoteMessages,
  publishRaw,
  signedByAdmin,
} from '@clearing/testing';

/** Candidate names for the ADL book: enough to find accounts on every journal partition. */
export const ADL_POOL = Array.from({ length: 24 }, (_, i) => `adl-${i}`);
export const MAKER = 'maker';
const PARTITIONS = 6;

/**
 * The bankrupt long and its opposite side: `weak` (short, much cash: low leverage, ranked last) on the same
 * engine instance as `bankrupt`, `best` (short with little cash: high leverage, ranked first) on the other.
 */
export interface AdlBook {
  readonly bankrupt: string;
  readonly weak: string;
  readonly best: string;
}

export function adlBookFor(engineOwners: ReadonlyMap<string, number[]>): AdlBook {
  const [first, second] = [...engineOwners.values()];
  const on = (partitions: number[]) =>
    ADL_POOL.filter((account) => partitions.includes(partitionOfKey(account, PARTITIONS)));
  const [bankrupt, weak] = on(first);
  const [best] = on(second);
  if (!bankrupt || !weak || !best)
    throw new Error(`no ADL book for owners ${JSON.stringify([...engineOwners])}`);
  return { bankrupt, weak, best };
}

/**
 * At 60,000: `bankrupt` (7,500 USDC) buys 1 BTC-PERP from `weak` (200,000 USDC); `best` (8,000 USDC) sells
 * 1 to the maker. At 50,000 `bankrupt` is worth -2,500 and its shard's fund is empty: ADL.
 */
export async function openAdlBook(system: DeleveragingFixture, book: AdlBook): Promise<void> {
  const deposits = [
    [book.bankrupt, '7500'],
    [book.weak, '200000'],
    [book.best, '8000'],
    [MAKER, '500000'],
  ].map(([account, usdc]) => depositMessage(account, usdc, 'USDC', `adl-dep-${account}`));
  await publishRaw(system.kafka.kafka, system.topics.ledgerCommands, [
    ...deposits,
    signedByAdmin(depositMessage('BACKSTOP', '1000000', 'USDC', 'adl-dep-backstop')),
  ]);
  await publishRaw(system.kafka.kafka, system.topics.fills, adlFills(book).map(fillMessage));
}

/** The two fills of the ADL book (both at 60,000, 1 BTC-PERP each). */
export function adlFills(book: AdlBook): FillInput[] {
  const fill = (fillId: string, buyer: string, seller: string): FillInput => ({
    fillId,
    instrument: 'BTC-PERP',
    price: '60000',
    quantity: '1',
    buyer,
    seller,
  });
  return [fill('adl-fill-1', book.bankrupt, book.weak), fill('adl-fill-2', MAKER, book.best)];
}

/** Index quotes of BTC and ETH at the current levels every second, stamped now, until `done`. */
export async function quoteSteadily(
  system: DeleveragingFixture,
  levels: Record<'BTC' | 'ETH', string>,
  done: () => boolean,
): Promise<void> {
  while (!done()) {
    const at = new Date().toISOString();
    const quotes = Object.entries(levels).flatMap(([underlying, price]) =>
      indexQuoteMessages(underlying, at, { coinbase: price, kraken: price, bitstamp: price }),
    );
    await publishRaw(system.kafka.kafka, system.topics.oraclePrices, quotes);
    await sleep(1_000);
  }
}

/** The stream's fills in chunks spread over `durationMs`; each chunk acknowledged once the broker took it. */
export async function publishFillsSteadily(
  system: DeleveragingFixture,
  stream: FillStream,
  durationMs: number,
  ack: AcknowledgedLoad,
): Promise<void> {
  const accepted = new Map(stream.accepted.map((fill) => [fill.fillId, fill]));
  const chunk = Math.max(1, Math.ceil(stream.messages.length / (durationMs / 500)));
  for (let i = 0; i < stream.messages.length; i += chunk) {
    const messages = stream.messages.slice(i, i + chunk);
    await publishRaw(system.kafka.kafka, system.topics.fills, messages);
    for (const { value } of messages) {
      const fill = accepted.get(fillIdOf(String(value)));
      if (fill) ack.fills.set(fill.fillId, fill);
    }
    await sleep(500);
  }
}

function fillIdOf(value: string): string {
  try {
    return String((JSON.parse(value) as { fillId?: unknown }).fillId);
  } catch {
    return '';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
