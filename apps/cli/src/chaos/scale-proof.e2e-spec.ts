import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadInstrumentFile, MarginV1 } from '@clearing/contracts';
import { AcknowledgedLoad, depositMessage, eventually, fillStream, publishRaw } from '@clearing/testing';
import { ScaleCluster } from './scale-cluster';
import { adlOf, lostOrDoubled, staleMargins } from './scale-proof-checks';
import {
  ADL_POOL,
  adlBookFor,
  MAKER,
  openAdlBook,
  publishFillsSteadily,
  quoteSteadily,
} from './scale-proof-scenario';

// Issue 16, the scale proof: two instances of the aggregator, the margin calculator and the deleveraging
// engine in their consumer groups under a steady load of fills; a price crash bankrupts an account whose
// best ADL counterparty is held by the other engine instance; then one instance of each is SIGKILLed and the
// survivors take every partition over. CI size by default (about 2-3 minutes on 2 cores); SCALE_PROOF_LONG=1
// runs a longer, larger load.
const LONG = process.env.SCALE_PROOF_LONG === '1';
const SIZE = LONG
  ? { accounts: 200, fills: 20_000, loadMs: 300_000 }
  : { accounts: 16, fills: 600, loadMs: 40_000 };
const LOAD_PREFIX = 'load-';
const LOAD_ACCOUNTS = Array.from({ length: SIZE.accounts }, (_, i) => `${LOAD_PREFIX}${i}`);
const INSTRUMENTS = loadInstrumentFile().filter((i) => i.symbol === 'ETH-PERP');
const STREAM = fillStream({
  seed: 16,
  accounts: LOAD_ACCOUNTS,
  instruments: INSTRUMENTS,
  fillCount: SIZE.fills,
  duplicateRate: 0.01,
});
const PARTITIONS = 6;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const cluster = new ScaleCluster();
const { system } = cluster;

describe(`scale proof: two instances of each service, one of each SIGKILLed under load (${LONG ? 'long' : 'CI'})`, () => {
  before(async () => {
    await cluster.start([...LOAD_ACCOUNTS, ...ADL_POOL, MAKER, 'BACKSTOP']);
    await cluster.awaitOwners(['a', 'b'], 90_000);
  });
  after(() => cluster.close());

  const timeout = SIZE.loadMs + 400_000;
  it(
    'ranks ADL over all partitions, loses and doubles nothing, verifies, every margin current',
    { timeout },
    async () => {
      // Given the partitions split between two instances of each service, and an ADL book across them
      const book = adlBookFor(await cluster.ownership('deleveraging-engine'));
      say(`  ADL book: ${JSON.stringify(book)}`);
      const levels = { BTC: '60000', ETH: '3000' };
      let loadDone = false;
      const quotes = quoteSteadily(system, levels, () => loadDone);
      const ack = await fundLoadAccounts();
      await openAdlBook(system, book);
      await system.awaitMargin(book.bankrupt, (m): m is MarginV1 => m.journalSequence >= 2);

      // When fills flow steadily, BTC crashes and the bankrupt long is deleveraged with both engines up
      const load = publishFillsSteadily(system, STREAM, SIZE.loadMs, ack);
      levels.BTC = '50000';
      const closed = await system.awaitClosed(book.bankrupt, 120_000);
      const enginesAtAdl = await cluster.ownership('deleveraging-engine');

      // ... and one instance of each service is killed with SIGKILL while the load goes on
      const killedAtFills = ack.fills.size;
      await cluster.killSecond();
      say(`  instance b of each SIGKILLed after ${killedAtFills} of ${STREAM.accepted.length} fills`);
      await cluster.awaitOwners(['a'], 90_000);
      await load;
      loadDone = true;
      await quotes;
      say(`  acknowledged: ${ack.summary()}`);

      // Then the kill came under load, and the ADL took the best-ranked short, held by the other engine
      // instance, not the one on the bankrupt account's own instance
      assert.ok(killedAtFills < STREAM.accepted.length, 'killed before the load ended');
      assert.equal(closed.outcome, 'adl');
      const adl = await adlOf(system, book, enginesAtAdl, PARTITIONS);
      say(`  ADL at ${JSON.stringify(adl)}`);
      assert.deepEqual(
        adl.counterparties.map((c) => c.account),
        [book.best],
      );
      assert.ok(adl.bankruptOwner !== undefined && adl.counterparties[0].owner !== adl.bankruptOwner);

      // ... clearing verify passes, every account's margin is at its latest journal sequence
      assert.ok(await system.verifies(120_000));
      await eventually(
        async () => ((await staleMargins(system)).length === 0 ? true : undefined),
        60_000,
        1_000,
      ).catch(async () => assert.deepEqual(await staleMargins(system), []));

      // ... and the books are the independent fold of what was acknowledged: nothing lost, nothing doubled
      assert.deepEqual(await lostOrDoubled(system, ack, book, INSTRUMENTS, LOAD_PREFIX), []);
    },
  );
});

/** Each load account funded once (one command id each), acknowledged once the broker took it. */
async function fundLoadAccounts(): Promise<AcknowledgedLoad> {
  const ack = new AcknowledgedLoad();
  const amount = '1000000';
  const messages = LOAD_ACCOUNTS.map((account) => depositMessage(account, amount, 'USDC', `fund-${account}`));
  await publishRaw(system.kafka.kafka, system.topics.ledgerCommands, messages);
  for (const account of LOAD_ACCOUNTS)
    ack.deposits.set(`fund-${account}`, { commandId: `fund-${account}`, account, amount });
  return ack;
}
