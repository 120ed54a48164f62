import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountMarginV1, MarginV1 } from '@clearing/contracts';
import { formatAmount, parseAmount } from '@clearing/ledger';
import {
  btcQuotes,
  DeleveragingFixture,
  depositMessage,
  eventually,
  fillMessage,
  publishRaw,
  signedByAdmin,
} from '@clearing/testing';

// Issue 12, defect 5, through the whole system. Dave (shard 4) is long 1 BTC-PERP from bob on 7,500 USDC;
// BTC gaps to 50,000: NLV -2,500, his shard's fund is empty, and the only short, bob, cannot be ranked for
// ADL (he holds an ETH call nobody prices). So the loss is socialized on shard 4, where ken and the
// backstop hold cash: ken's withdrawal must pay out at the factor, the haircut kept in the pool.
const system = new DeleveragingFixture();
// dave, ken and BACKSTOP all hash to partition 4 of 6 (murmur2): one shard, one loss pool.
const USDC = (decimal: string) => parseAmount(decimal, 6);
const priced = (m: MarginV1): m is AccountMarginV1 => m.kind === 'account-margin';
let quotes = 0;
const quoteTime = () => new Date(Date.now() + 5_000 * quotes++).toISOString();

describe('a socialized loss reaches the withdrawals of the shard’s holders', () => {
  before(async () => {
    await system.open(['dave', 'bob', 'erin', 'ken', 'BACKSTOP']);
    await system.startAll();
    await system.startEngine();
  });
  after(() => system.close());

  it('given dave bankrupt by 2,500 with no fund and no rankable short, then the case ends in a socialized loss that writes his debt off', async () => {
    const { kafka } = system.kafka;
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('60000', quoteTime()));
    await publishRaw(kafka, system.topics.ledgerCommands, [
      depositMessage('dave', '7500'),
      depositMessage('bob', '200000'),
      depositMessage('erin', '50000'),
      depositMessage('ken', '10000'),
      signedByAdmin(depositMessage('BACKSTOP', '1000000')),
    ]);
    await publishRaw(kafka, system.topics.fills, [
      fillMessage({
        fillId: 'f-dave',
        instrument: 'BTC-PERP',
        price: '60000',
        quantity: '1',
        buyer: 'dave',
        seller: 'bob',
      }),
      fillMessage({
        fillId: 'f-bob',
        instrument: 'ETH-25DEC26-4000-C',
        price: '20',
        quantity: '1',
        buyer: 'bob',
        seller: 'erin',
      }),
    ]);
    await system.awaitMargin('dave', (m): m is AccountMarginV1 => priced(m) && m.journalSequence >= 2);
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('50000', quoteTime()));
    const closed = await system.awaitClosed('dave', 90_000);
    assert.equal(closed.outcome, 'socialized-loss');
    const loss = await lossEvent();
    assert.equal(loss.payload.amount, '2500');
    assert.equal(await balanceOf('dave'), 0n);
  });

  it('when ken withdraws his 10,000 USDC, then he is paid at the journaled factor, the haircut stays in the pool and clearing verify passes', async () => {
    const factorPpm = BigInt(String((await lossEvent()).payload.factorPpm));
    assert.ok(factorPpm < 1_000_000n, `a factor below 100 %: ${factorPpm}`);
    const expectedPaid = (USDC('10000') * factorPpm) / 1_000_000n;
    let attempt = 0;
    const answer = await eventually(async () => {
      const response = await system.post(`/accounts/${'ken'}/withdrawals`, {
        asset: 'USDC',
        amount: '10000',
        commandId: `w-ken-${++attempt}`,
      });
      return response.body?.status === 'booked' ? response.body : undefined; // gated until the write-off
    }, 30_000);
    assert.equal(answer.paidOut, formatAmount(expectedPaid, 6));
    assert.equal(answer.haircut, formatAmount(USDC('10000') - expectedPaid, 6));
    const pool = await eventually(async () => {
      const amount = await balanceOf('SOCIALIZED-LOSS-4');
      return amount !== -USDC('2500') ? amount : undefined; // the projection catches up
    });
    assert.equal(pool, -USDC('2500') + USDC(answer.haircut as string));
    assert.ok(await system.verifies());
  });
});

async function lossEvent() {
  return eventually(async () => (await system.journal()).find((e) => e.type === 'LossSocialized'));
}

async function balanceOf(account: string): Promise<bigint> {
  const rows = await system.query<{ amount: string }>(
    `SELECT round(amount, 6)::text AS amount FROM balances WHERE account_id = $1 AND asset = 'USDC'`,
    [account],
  );
  return USDC(rows[0]?.amount ?? '0');
}
