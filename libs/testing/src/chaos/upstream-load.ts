import { Message } from 'kafkajs';
import { FillStream, seededRandom } from '../fill-stream';
import { depositMessage, indexQuoteMessages } from '../messages-of-engine';
import { AcknowledgedLoad } from './acknowledged-load';
import { ResilientPublisher } from './resilient-publisher';
import { requestWithdrawal } from './withdrawal-client';

export interface UpstreamTopics {
  readonly fills: string;
  readonly oraclePrices: string;
  readonly ledgerCommands: string;
}

export interface UpstreamLoadOptions {
  readonly publisher: ResilientPublisher;
  readonly topics: UpstreamTopics;
  readonly marginUrl: string;
  readonly seed: number;
  readonly accounts: readonly string[];
  readonly stream: FillStream;
  /** The fills are spread over this long; quotes, deposits and withdrawals run alongside. */
  readonly durationMs: number;
  readonly fillChunk: number;
  readonly quoteEveryMs: number;
  readonly cashEveryMs: number;
  /** Whether one deposit in five is published again with the same command id (a retrying operator). */
  readonly republishDeposits: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Steady upstream traffic: fills, index quotes, deposits and withdrawals, each acknowledged one recorded. */
export async function runUpstreamLoad(options: UpstreamLoadOptions, ack: AcknowledgedLoad): Promise<void> {
  let fillsDone = false;
  const fills = publishFills(options, ack).finally(() => (fillsDone = true));
  await Promise.all([
    fills,
    publishQuotes(options, ack, () => fillsDone),
    moveCash(options, ack, () => fillsDone),
  ]);
}

async function publishFills(options: UpstreamLoadOptions, ack: AcknowledgedLoad): Promise<void> {
  const { stream, fillChunk } = options;
  const accepted = new Map(stream.accepted.map((fill) => [fill.fillId, fill]));
  const chunks = Math.ceil(stream.messages.length / fillChunk);
  const pauseMs = Math.floor(options.durationMs / chunks);
  for (let i = 0; i < stream.messages.length; i += fillChunk) {
    const chunk = stream.messages.slice(i, i + fillChunk);
    await options.publisher.publish(options.topics.fills, chunk);
    for (const id of chunk.map(fillIdOf)) if (accepted.has(id)) ack.fills.set(id, accepted.get(id)!);
    await sleep(pauseMs);
  }
}

function fillIdOf(message: Message): string {
  try {
    return String((JSON.parse(String(message.value)) as { fillId?: unknown }).fillId);
  } catch {
    return '';
  }
}

/** BTC and ETH index quotes from three feeds each (a seeded walk within 1 % of a level), and a BTC vol. */
async function publishQuotes(options: UpstreamLoadOptions, ack: AcknowledgedLoad, done: () => boolean) {
  const random = seededRandom(options.seed ^ 0x9a07e);
  const levels = { BTC: 60_000, ETH: 3_000 };
  while (!done()) {
    const eventTime = new Date().toISOString();
    const quotes = Object.entries(levels).flatMap(([underlying, level]) => {
      // In cents: the level +-1 %, one cent apart per source; exact (no float in the decimal string).
      const price = (source: number) =>
        (level * 100 + ((random(200) - 100) * level) / 100 + source).toFixed(0).replace(/(..)$/, '.$1');
      return indexQuoteMessages(underlying, eventTime, {
        coinbase: price(0),
        kraken: price(1),
        bitstamp: price(2),
      });
    });
    await options.publisher.publish(options.topics.oraclePrices, [...quotes, btcVol(eventTime)]);
    ack.quoteBatches += 1;
    await sleep(options.quoteEveryMs);
  }
}

function btcVol(eventTime: string): { key: string; value: string } {
  const vol = { schemaVersion: 1, kind: 'implied-vol', source: 'deribit', eventTime, underlying: 'BTC' };
  return {
    key: 'BTC',
    value: JSON.stringify({ ...vol, expiry: '2026-12-25T08:00:00Z', strike: '100000', iv: '0.6' }),
  };
}

/**
 * Alternates a deposit (published to ledger.commands.v1 as operations do; optionally one in five is
 * published a second time with the same command id, as a retrying operator would) and a withdrawal
 * request over HTTP.
 */
async function moveCash(options: UpstreamLoadOptions, ack: AcknowledgedLoad, done: () => boolean) {
  const random = seededRandom(options.seed ^ 0xca54);
  const { accounts, publisher, topics } = options;
  for (let i = 0; !done(); i++) {
    const account = accounts[random(accounts.length)];
    const amount = `${1 + random(5_000)}.${String(random(100)).padStart(2, '0')}`;
    const commandId = `chaos-${options.seed}-${i % 2 === 0 ? 'dep' : 'wd'}-${i}`;
    if (i % 2 === 0) {
      const message = depositMessage(account, amount, 'USDC', commandId);
      await publisher.publish(topics.ledgerCommands, [message]);
      ack.deposits.set(commandId, { commandId, account, amount });
      if (random(5) === 0 && options.republishDeposits) {
        await publisher.publish(topics.ledgerCommands, [message]);
        ack.republishedDeposits += 1;
      }
    } else {
      ack.withdrawals.push(
        await requestWithdrawal(options.marginUrl, { commandId, account, amount }, 15_000),
      );
    }
    await sleep(options.cashEveryMs);
  }
}
