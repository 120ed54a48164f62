import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountMarginV1, MarginV1 } from '@clearing/contracts';
import {
  btcQuotes,
  depositMessage,
  eventually,
  fillMessage,
  MarginFixture,
  publishRaw,
  signedByAdmin,
} from '@clearing/testing';

const priced = (m: MarginV1): m is AccountMarginV1 => m.kind === 'account-margin';
const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('margin calculator, fed by the aggregator and the oracle through Kafka', () => {
  const system = new MarginFixture();
  before(async () => {
    await system.open(['alice', 'bob', 'risk-desk']);
    await system.startAll();
  });
  after(() => system.close());

  it('given alice buys 1 BTC-PERP from bob at 60,000, then both are margined in margin.v1 and in Postgres', async () => {
    const { kafka } = system.kafka;
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('60000', at(0)));
    await publishRaw(kafka, system.topics.ledgerCommands, [
      depositMessage('alice', '20000'),
      depositMessage('bob', '20000'),
    ]);
    await publishRaw(kafka, system.topics.fills, [
      fillMessage({
        fillId: 'm-1',
        instrument: 'BTC-PERP',
        price: '60000',
        quantity: '1',
        buyer: 'alice',
        seller: 'bob',
      }),
    ]);
    const alice = await system.awaitMargin(
      'alice',
      // Alice's journal: her opening (1), the deposit (2), the fill (3).
      (m): m is AccountMarginV1 => priced(m) && m.journalSequence >= 3,
    );
    assert.equal(alice.nlvUsd, '20000');
    assert.equal(alice.health.band, 'healthy');
    assert.ok(
      Number(alice.required.imUsd) >= 9_600,
      `a naked 60,000 perp needs at least 16%: ${alice.required.imUsd}`,
    );
    const [row] = await system.query<{ im_usd: string; journal_sequence: string }>(
      `SELECT im_usd, journal_sequence FROM account_risk WHERE account_id = 'alice'`,
    );
    assert.equal(Number(row.im_usd), Number(alice.required.imUsd));
  });

  it('given the index falls to 57,000, then alice loses 3,000 and bob gains it, by mark, in both outputs', async () => {
    await publishRaw(system.kafka.kafka, system.topics.oraclePrices, btcQuotes('57000', at(5)));
    const alice = await system.awaitMargin(
      'alice',
      (m): m is AccountMarginV1 => priced(m) && m.nlvUsd === '17000',
    );
    const bob = await system.awaitMargin(
      'bob',
      (m): m is AccountMarginV1 => priced(m) && m.nlvUsd === '23000',
    );
    assert.deepEqual([alice.cause, bob.cause], ['mark', 'mark']);
    const rows = await eventually(async () => {
      // risk-desk is open (so margined, at zero) but trades nothing here.
      const sql = `SELECT account_id, nlv_usd FROM account_risk WHERE account_id <> 'risk-desk' ORDER BY account_id`;
      const all = await system.query<{ nlv_usd: string }>(sql);
      return all.every((row) => row.nlv_usd !== '20000.00') ? all : undefined;
    });
    assert.deepEqual(rows, [
      { account_id: 'alice', nlv_usd: '17000.00' },
      { account_id: 'bob', nlv_usd: '23000.00' },
    ]);
  });

  it('given a what-if of alice selling 1 BTC-PERP, then the flat book requires nothing and nothing is booked', async () => {
    const response = await system.post('/accounts/alice/what-if', {
      trades: [{ instrument: 'BTC-PERP', quantity: '-1', priceUsd: '57000' }],
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.ok(Number(response.body.before.required.imUsd) > 0);
    assert.equal(response.body.after.required.imUsd, '0');
    const invalid = await system.post('/accounts/alice/what-if', {
      trades: [{ instrument: 'BTC-PERP', quantity: 1 }],
    });
    assert.equal(invalid.status, 400);
  });

  it('given alice asks to withdraw, then free collateral decides: all of it is refused, 5,000 is booked', async () => {
    const greedy = await system.post('/accounts/alice/withdrawals', {
      asset: 'USDC',
      amount: '17000',
      commandId: 'w-1',
    });
    assert.equal(greedy.status, 422, JSON.stringify(greedy.body));
    const modest = await system.post('/accounts/alice/withdrawals', {
      asset: 'USDC',
      amount: '5000',
      commandId: 'w-2',
    });
    assert.equal(modest.status, 200, JSON.stringify(modest.body));
    assert.equal(modest.body.status, 'booked');
    const alice = await system.awaitMargin(
      'alice',
      (m): m is AccountMarginV1 => priced(m) && m.nlvUsd === '12000',
    );
    assert.equal(alice.cause, 'journal');
  });

  it('given a caller without the service credential, when it asks to withdraw for alice, then 401 and nothing is booked', () =>
    anonymousCallsRefused(system));

  it('given the risk desk raises the BTC imFactor to 1.5 by a journaled command, then alice needs half as much again', async () => {
    const before = (await system.marginOf('alice')).filter(priced).at(-1)!;
    const change = {
      schemaVersion: 1,
      commandId: 'risk-1',
      type: 'RiskParamsChange',
      account: 'risk-desk',
      issuedAt: at(10),
      scope: 'underlying',
      target: 'BTC',
      params: { imFactor: '1.5' },
    };
    await publishRaw(system.kafka.kafka, system.topics.ledgerCommands, [
      signedByAdmin({ key: 'risk-desk', value: JSON.stringify(change) }),
    ]);
    const expected = Number(before.required.imUsd) * 1.5;
    const after = await system.awaitMargin(
      'alice',
      (m): m is AccountMarginV1 => priced(m) && Math.abs(Number(m.required.imUsd) - expected) <= 0.02,
    );
    assert.equal(after.nlvUsd, before.nlvUsd, 'only the requirement moved');
  });
});

/** The calculator's internal endpoints answer only callers holding the service credential. */
async function anonymousCallsRefused(system: MarginFixture): Promise<void> {
  const response = await fetch(`${system.marginUrl}/accounts/alice/withdrawals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ asset: 'USDC', amount: '100', commandId: 'w-anonymous' }),
  });
  assert.equal(response.status, 401, await response.text());
  const reading = await fetch(`${system.marginUrl}/accounts/alice/margin`);
  assert.equal(reading.status, 401, 'the margin of an account is not for anonymous callers either');
  const booked = await system.query(`SELECT 1 FROM journal_index WHERE causation_id = 'w-anonymous'`);
  assert.deepEqual(booked, []);
}
