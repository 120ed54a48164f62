import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PARTITIONS } from '@clearing/contracts';
import { partitionOfKey } from '@clearing/kafka';
import { depositMessage, eventually, indexQuoteMessages, publishRaw, SystemFixture } from '@clearing/testing';

const ACCOUNTS = Array.from({ length: 12 }, (_, i) => `trader-${i}`);
const SELL_ONE_PERP = { trades: [{ instrument: 'BTC-PERP', quantity: '-1', priceUsd: '60000' }] };

describe('routing: two margin calculators share the journal, the API reaches every account', () => {
  const system = new SystemFixture();
  let instances: { url: string; partitions: number[] }[] = [];
  let operatorKey = '';
  before(async () => {
    instances = await fundedBehindTwoCalculators(system);
    operatorKey = await system.keyFor('operator');
  });
  after(() => system.close());

  it('given two instances, then each advertises its own journal partitions and together they cover all', () => {
    const [first, second] = instances.map((i) => i.partitions);
    assert.equal(first.filter((p) => second.includes(p)).length, 0, JSON.stringify(instances));
    assert.equal(first.length + second.length, SYSTEM_PARTITIONS);
    const owners = new Set(
      ACCOUNTS.map((a) => (first.includes(partitionOfKey(a, SYSTEM_PARTITIONS)) ? 0 : 1)),
    );
    assert.equal(owners.size, 2, 'the accounts are spread over both instances');
  });

  it('given a what-if for each of 12 accounts through the API, then every account is answered by its owner', async () => {
    for (const account of ACCOUNTS) {
      const answer = await eventually(
        async () => {
          const reply = await system.call(
            operatorKey,
            'POST',
            `/v1/accounts/${account}/what-if`,
            SELL_ONE_PERP,
          );
          // until its owner has folded its deposit (and the first marks are in: 409 before)
          return reply.status === 200 && reply.body.before.nlvUsd === '10000' ? reply : undefined;
        },
        30_000,
        200,
      );
      assert.equal(answer.status, 200, `${account}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.before.account, account);
      assert.ok(Number(answer.body.after.required.imUsd) > 0, 'a naked short needs margin');
    }
  });

  it('given each instance asked directly for an account it does not own, then 421; through the API, 202 booked', async () => {
    const account = ACCOUNTS.find(
      (a) => !instances[0].partitions.includes(partitionOfKey(a, SYSTEM_PARTITIONS)),
    )!;
    const direct = await fetch(`${instances[0].url}/accounts/${account}/margin`, {
      headers: { 'x-clearing-service-credential': 'dev-only-insecure-service-credential' },
    });
    assert.equal(direct.status, 421);
    const routed = await system.call(
      await system.keyFor('account', account),
      'POST',
      `/v1/accounts/${account}/withdrawals`,
      { asset: 'USDC', amount: '100' },
      {
        'idempotency-key': `route-w-${account}`,
      },
    );
    assert.equal(routed.status, 202, JSON.stringify(routed.body));
    assert.deepEqual([routed.body.status, routed.body.commandId], ['booked', `route-w-${account}`]);
  });
});

/** Every trader funded with 10,000 USDC and BTC priced, once both calculators advertise their partitions. */
async function fundedBehindTwoCalculators(system: SystemFixture) {
  await system.open(ACCOUNTS);
  await system.startAll(2);
  const { kafka } = system.kafka;
  const quotes = indexQuoteMessages('BTC', new Date().toISOString(), { a: '60000', b: '60000', c: '60000' });
  await publishRaw(kafka, system.topics.oraclePrices, quotes);
  await publishRaw(
    kafka,
    system.topics.ledgerCommands,
    ACCOUNTS.map((a) => depositMessage(a, '10000')),
  );
  return system.routed(SYSTEM_PARTITIONS, 2);
}
