import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiAnswer,
  eventually,
  fillMessage,
  indexQuoteMessages,
  publishRaw,
  SystemFixture,
} from '@clearing/testing';
import { SseReader } from './stream/sse-reader';

// The front door end to end: two margin calculators behind the API, API keys for every caller, fills from
// a plain Kafka producer as a matching engine sends them. alice goes long 1 BTC-PERP at 60,000 on 15,000
// USDC; at 50,000 her NLV (5,000) is under maintenance (6,000) and the deleveraging engine opens a case.
const system = new SystemFixture();
const keys = { admin: '', operator: '', alice: '', bob: '' };
let aliceStream: SseReader;
let quotes = 0;
const btcAt = (priceUsd: string) => {
  const at = new Date(Date.now() + 5_000 * quotes++).toISOString();
  const feeds = { coinbase: priceUsd, kraken: priceUsd, bitstamp: priceUsd };
  return publishRaw(system.kafka.kafka, system.topics.oraclePrices, indexQuoteMessages('BTC', at, feeds));
};

/** Polls GET /v1/commands/{id} until the ledger decided it. */
function decided(key: string, commandId: string): Promise<ApiAnswer> {
  return eventually(
    async () => {
      const answer = await system.call(key, 'GET', `/v1/commands/${commandId}`);
      return answer.body?.status === 'pending' ? undefined : answer;
    },
    60_000,
    200,
  );
}

const write = (key: string, path: string, commandId: string, body: unknown = {}) =>
  system.call(key, 'POST', path, body, { 'idempotency-key': commandId });

describe('clearing API end to end, over HTTP with API keys', () => {
  before(async () => {
    await system.open([]);
    await system.startAll(2);
    keys.admin = await system.keyFor('admin');
    keys.operator = await system.keyFor('operator');
  });
  after(async () => {
    aliceStream?.close();
    await system.close();
  });

  it(
    'given an operator, when it opens alice, bob and the backstop through the API, then each is booked and attributed to its key',
    onboardThroughApi,
  );

  it(
    'given the accounts are open, when the operator deposits, then booked; an account key may not deposit (403)',
    depositAsOperator,
  );

  it(
    'given alice listens to her stream, when a matching engine reports her buying 1 BTC-PERP from bob, then the stream delivers her margin with the fill',
    fillReachesStream,
  );

  it(
    "given alice's key, when she asks a what-if of selling her perp, then it needs nothing; bob's key cannot ask it for alice",
    whatIfOfOwnBook,
  );

  it(
    'given alice withdraws, then 1,000 is booked (attributed to her key) and 14,000 is refused by free collateral',
    withdrawBookedAndRefused,
  );

  it(
    'given BTC gaps to 50,000, then alice is under maintenance, her stream shows the case opening and the API reads it to her key only',
    gapOpensCase,
  );

  it(
    'given an admin, when it registers an instrument and raises the BTC IM factor through the API, then both are journaled under its key; an operator may not',
    referenceDataByAdmin,
  );
});

async function onboardThroughApi(): Promise<void> {
  for (const account of ['alice', 'bob', 'BACKSTOP']) {
    const accepted = await write(keys.operator, '/v1/accounts', `open-${account}`, { account });
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    assert.equal(accepted.body.statusUrl, `/v1/commands/open-${account}`);
    const outcome = await decided(keys.operator, `open-${account}`);
    assert.equal(outcome.body.status, 'booked', JSON.stringify(outcome.body));
    assert.equal(outcome.body.outcome.attribution.principal, 'operator');
    assert.equal(outcome.body.outcome.attribution.via, 'api');
  }
  keys.alice = await system.keyFor('account', 'alice');
  keys.bob = await system.keyFor('account', 'bob');
}

async function depositAsOperator(): Promise<void> {
  const funding = { alice: '15000', bob: '200000', BACKSTOP: '1000000' };
  for (const [account, amount] of Object.entries(funding)) {
    const id = `dep-${account}`;
    const accepted = await write(keys.operator, `/v1/accounts/${account}/deposits`, id, {
      asset: 'USDC',
      amount,
    });
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    assert.equal((await decided(keys.operator, id)).body.status, 'booked');
  }
  const own = await write(keys.alice, '/v1/accounts/alice/deposits', 'dep-self', {
    asset: 'USDC',
    amount: '1',
  });
  assert.equal(own.status, 403);
}

async function fillReachesStream(): Promise<void> {
  await btcAt('60000');
  aliceStream = new SseReader(`${system.apiUrl}/v1/accounts/alice/stream`, {
    authorization: `Bearer ${keys.alice}`,
  });
  const fill = {
    fillId: 'fill-1',
    instrument: 'BTC-PERP',
    price: '60000',
    quantity: '1',
    buyer: 'alice',
    seller: 'bob',
  };
  await publishRaw(system.kafka.kafka, system.topics.fills, [fillMessage(fill)]);
  const update = await aliceStream.next(
    (e) => e.event === 'margin' && e.data.journalSequence >= 3 && e.data.kind === 'account-margin',
  );
  assert.equal(update.data.account, 'alice');
  assert.equal(update.data.nlvUsd, '15000');
  assert.ok(Number(update.data.required.imUsd) > 0, 'a long perp needs margin');
}

async function whatIfOfOwnBook(): Promise<void> {
  const sell = { trades: [{ instrument: 'BTC-PERP', quantity: '-1', priceUsd: '60000' }] };
  const mine = await system.call(keys.alice, 'POST', '/v1/accounts/alice/what-if', sell);
  assert.equal(mine.status, 200, JSON.stringify(mine.body));
  assert.equal(mine.body.after.required.imUsd, '0');
  assert.equal((await system.call(keys.bob, 'POST', '/v1/accounts/alice/what-if', sell)).status, 404);
}

async function withdrawBookedAndRefused(): Promise<void> {
  const modest = await write(keys.alice, '/v1/accounts/alice/withdrawals', 'w-alice-1', {
    asset: 'USDC',
    amount: '1000',
  });
  assert.equal(modest.status, 202, JSON.stringify(modest.body));
  const outcome = await decided(keys.alice, 'w-alice-1');
  assert.equal(outcome.body.status, 'booked', JSON.stringify(outcome.body));
  assert.equal(outcome.body.outcome.attribution.principal, 'account:alice');
  const retried = await write(keys.alice, '/v1/accounts/alice/withdrawals', 'w-alice-1', {
    asset: 'USDC',
    amount: '1000',
  });
  assert.deepEqual(
    [retried.status, retried.body.status],
    [202, 'booked'],
    'a retry is answered, not re-sent',
  );
  const greedy = await write(keys.alice, '/v1/accounts/alice/withdrawals', 'w-alice-2', {
    asset: 'USDC',
    amount: '14000',
  });
  assert.equal(greedy.status, 422, JSON.stringify(greedy.body));
  assert.match(greedy.body.detail, /free collateral|negative/i);
  const byOperator = await write(keys.operator, '/v1/accounts/alice/withdrawals', 'w-op', {
    asset: 'USDC',
    amount: '1',
  });
  assert.equal(byOperator.status, 403, 'only the account itself withdraws');
}

async function gapOpensCase(): Promise<void> {
  await btcAt('50000');
  const opened = await aliceStream.next(
    (e) => e.event === 'liquidation' && e.data.kind === 'case-opened',
    90_000,
  );
  assert.equal(opened.data.account, 'alice');
  assert.ok(['liquidatable', 'bankrupt'].includes(opened.data.trigger.band));
  const casePath = `/v1/liquidations/${encodeURIComponent(opened.data.caseId)}`;
  const read = await eventually(
    async () => {
      const answer = await system.call(keys.alice, 'GET', casePath);
      return answer.status === 200 ? answer : undefined;
    },
    60_000,
    500,
  );
  assert.equal(read.body.account ?? read.body.accountId, 'alice', JSON.stringify(read.body));
  assert.equal(
    (await system.call(keys.bob, 'GET', casePath)).status,
    404,
    "bob's key does not see alice's case",
  );
}

async function referenceDataByAdmin(): Promise<void> {
  const future = {
    instrument: 'BTC-26JUN27',
    instrumentKind: 'future',
    underlying: 'BTC',
    quoteAsset: 'USDC',
    settlementAsset: 'USDC',
    positionScale: 4,
    contractSize: '1',
    expiry: '2027-06-26T08:00:00Z',
  };
  const riskChange = { scope: 'underlying', target: 'BTC', params: { imFactor: '1.5' } };
  const registered = await write(keys.admin, '/v1/instruments', 'reg-btc-jun27', future);
  const raised = await write(keys.admin, '/v1/risk-parameters', 'risk-btc-im-1', riskChange);
  assert.deepEqual(
    [registered.status, raised.status],
    [202, 202],
    JSON.stringify([registered.body, raised.body]),
  );
  for (const id of ['reg-btc-jun27', 'risk-btc-im-1']) {
    const outcome = await decided(keys.admin, id);
    assert.equal(outcome.body.status, 'booked', JSON.stringify(outcome.body));
    assert.equal(outcome.body.outcome.attribution.principal, 'admin');
  }
  const byOperator = await write(keys.operator, '/v1/risk-parameters', 'risk-op', riskChange);
  assert.equal(byOperator.status, 403, 'an operator cannot change risk parameters');
}
