// Pre-trade what-if latency at the clearing API: POST /v1/accounts/{a}/what-if with an account key, through
// the key check, the own-account check and the routing to the owning margin calculator (two instances),
// compared with the same call made to the owner directly. The whole system runs as processes on its own
// topics and schema; the book is BTC-PERP and ETH-PERP positions (options need a vol surface feed).
// Run: npm run build && node dist/bench/api-what-if.bench.js [calls]
import { SERVICE_CREDENTIAL_HEADER, DEV_SERVICE_CREDENTIAL } from '@clearing/config';
import { SYSTEM_PARTITIONS } from '@clearing/contracts';
import { partitionOfKey } from '@clearing/kafka';
import {
  depositMessage,
  eventually,
  fillMessage,
  indexQuoteMessages,
  publishRaw,
  SystemFixture,
} from '@clearing/testing';

const CALLS = Number(process.argv[2] ?? 2_000);
const WARM_UP = 200;
const TRADES = [
  { trades: [{ instrument: 'BTC-PERP', quantity: '-1', priceUsd: '60000' }] },
  { trades: [{ instrument: 'ETH-PERP', quantity: '5', priceUsd: '3000' }] },
  {
    trades: [
      { instrument: 'BTC-PERP', quantity: '2', priceUsd: '60000' },
      { instrument: 'ETH-PERP', quantity: '-3', priceUsd: '3000' },
    ],
  },
];

async function seed(system: SystemFixture): Promise<void> {
  const { kafka } = system.kafka;
  const now = new Date().toISOString();
  const feeds = (price: string) => ({ a: price, b: price, c: price });
  await publishRaw(kafka, system.topics.oraclePrices, [
    ...indexQuoteMessages('BTC', now, feeds('60000')),
    ...indexQuoteMessages('ETH', now, feeds('3000')),
  ]);
  await publishRaw(kafka, system.topics.ledgerCommands, [
    depositMessage('trader', '1000000'),
    depositMessage('maker', '1000000'),
  ]);
  const fill = (fillId: string, instrument: string, price: string, quantity: string) =>
    fillMessage({ fillId, instrument, price, quantity, buyer: 'trader', seller: 'maker' });
  await publishRaw(kafka, system.topics.fills, [
    fill('b-1', 'BTC-PERP', '60000', '3'),
    fill('b-2', 'ETH-PERP', '3000', '20'),
  ]);
}

async function timedCalls(call: (i: number) => Promise<Response>, calls: number): Promise<number[]> {
  const millis: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = process.hrtime.bigint();
    const response = await call(i);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`what-if answered ${response.status}`);
    millis.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return millis.sort((a, b) => a - b);
}

function report(label: string, millis: number[]): void {
  const at = (q: number) => millis[Math.min(millis.length - 1, Math.floor(q * millis.length))].toFixed(2);
  console.log(
    `${label}, ${millis.length} sequential calls (ms): p50 ${at(0.5)}  p99 ${at(0.99)}  max ${at(1)}`,
  );
}

async function main(): Promise<void> {
  const system = new SystemFixture();
  try {
    await system.open(['trader', 'maker']);
    // One key makes every call here: lift the per-key limit (600/min by default) above the run.
    await system.startAll(2, { API_RATE_LIMIT_PER_MINUTE: '1000000' });
    await seed(system);
    const routes = await system.routed(SYSTEM_PARTITIONS, 2);
    const key = await system.keyFor('account', 'trader');
    const viaApi = (i: number) =>
      fetch(`${system.apiUrl}/v1/accounts/trader/what-if`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(TRADES[i % TRADES.length]),
      });
    let last: unknown;
    await eventually(async () => {
      const answer = (await (await viaApi(0)).json()) as { before?: { journalSequence: number } };
      last = answer;
      return (answer.before?.journalSequence ?? 0) >= 3 ? true : undefined; // deposit + both fills
    }, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}: the book never settled, last answer ${JSON.stringify(last)}`);
    });
    const owner = routes.find((r) => r.partitions.includes(partitionOfKey('trader', SYSTEM_PARTITIONS)))!;
    const direct = (i: number) =>
      fetch(`${owner.url}/accounts/trader/what-if`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SERVICE_CREDENTIAL_HEADER]: DEV_SERVICE_CREDENTIAL },
        body: JSON.stringify(TRADES[i % TRADES.length]),
      });
    await timedCalls(viaApi, WARM_UP);
    await timedCalls(direct, WARM_UP);
    report('what-if at the API (key + own-account check + routing)', await timedCalls(viaApi, CALLS));
    report('what-if at the owning calculator directly', await timedCalls(direct, CALLS));
  } finally {
    await system.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
