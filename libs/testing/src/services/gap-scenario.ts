// Test support: the scenario both deleveraging e2e tests run, as a matching engine and price feeds drive it.
import { AccountMarginV1, MarginV1 } from '@clearing/contracts';
import { depositMessage, fillMessage, signedByAdmin } from '../messages-of-engine';
import { publishRaw } from '../upstream-producer';
import { btcQuotes } from './margin-fixture';
import { DeleveragingFixture } from './deleveraging-fixture';

// Shards of 6 partitions: alice 3, carol 2, dave 4. Carol's fund (INSURANCE-FUND-2) is seeded with 5,000
// USDC; dave's (INSURANCE-FUND-4) holds nothing and no liquidation fee reaches it.
// At 60,000 every long is above its 7,200 maintenance; at 50,000 alice's NLV is 5,000 (MM 6,000), carol's
// -2,000 and dave's -2,500.
export const TRADERS = { alice: '15000', carol: '8000', dave: '7500' };
export const ACCOUNTS = [...Object.keys(TRADERS), 'bob', 'BACKSTOP'];
const priced = (m: MarginV1): m is AccountMarginV1 => m.kind === 'account-margin';
let quotesPublished = 0;
/** Each quote 5 s after the previous one in event time, as a live feed would stamp them. */
const nextQuoteTime = () => new Date(Date.now() + 5_000 * quotesPublished++).toISOString();

/** BTC at 60,000; the longs buy 1 BTC-PERP each from bob; carol's shard fund gets 5,000 USDC. */
export async function openLongsAt60000(system: DeleveragingFixture): Promise<void> {
  const { kafka } = system.kafka;
  await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('60000', nextQuoteTime()));
  await publishRaw(kafka, system.topics.ledgerCommands, [
    ...Object.entries(TRADERS).map(([account, usdc]) => depositMessage(account, usdc)),
    depositMessage('bob', '200000'),
    signedByAdmin(depositMessage('BACKSTOP', '1000000')),
    // The cleanest seed the ledger accepts: a deposit to the shard's fund account, from EXTERNAL like any.
    // A fund is decided by its own shard's writer: its funding goes to that partition.
    { ...signedByAdmin(depositMessage('INSURANCE-FUND-2', '5000')), partition: 2 },
  ]);
  const fill = (buyer: string, quantity: string) =>
    fillMessage({
      fillId: `f-${buyer}`,
      instrument: 'BTC-PERP',
      price: '60000',
      quantity,
      buyer,
      seller: 'bob',
    });
  // The backstop starts with cash only: the takeover legs carry the instrument's terms to open its position.
  await publishRaw(
    kafka,
    system.topics.fills,
    Object.keys(TRADERS).map((a) => fill(a, '1')),
  );
  for (const account of Object.keys(TRADERS))
    await system.awaitMargin(account, (m): m is AccountMarginV1 => priced(m) && m.journalSequence >= 2);
}

/** The index gaps to `priceUsd` on all three feeds. */
export async function gapTo(system: DeleveragingFixture, priceUsd: string): Promise<void> {
  await publishRaw(system.kafka.kafka, system.topics.oraclePrices, btcQuotes(priceUsd, nextQuoteTime()));
}
