import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountMarginV1, LiquidationV1 } from '@clearing/contracts';
import {
  btcQuotes,
  DeleveragingFixture,
  depositMessage,
  eventually,
  fillMessage,
  publishRaw,
  registrationMessage,
  signedByAdmin,
} from '@clearing/testing';

// A perpetual an admin registers by command, not in the shipped catalog: a long in it must be liquidated
// like one in BTC-PERP, its takeover legs carrying the registered terms to the backstop.
const PERP = 'BTC-PERP-2';
const ACCOUNTS = ['alice', 'bob', 'BACKSTOP', 'risk-desk'];
type Step = Extract<LiquidationV1, { kind: 'step' }>;
const system = new DeleveragingFixture();
let quotes = 0;
/** BTC from three feeds, each batch 5 s after the previous one in event time, as live feeds stamp them. */
const quote = (priceUsd: string) =>
  publishRaw(
    system.kafka.kafka,
    system.topics.oraclePrices,
    btcQuotes(priceUsd, new Date(Date.now() + 5_000 * quotes++).toISOString()),
  );

describe(`a long in ${PERP}, registered by command, through a BTC gap`, () => {
  before(async () => {
    await system.open(ACCOUNTS);
    await system.startAll();
    await system.startEngine();
  });
  after(() => system.close());

  it(`given alice bought 1 ${PERP} from bob at 60,000 on 15,000 USDC, then she is margined on it`, async () => {
    const { kafka } = system.kafka;
    await publishRaw(kafka, system.topics.ledgerCommands, [
      registrationMessage(PERP),
      depositMessage('alice', '15000'),
      depositMessage('bob', '200000'),
      signedByAdmin(depositMessage('BACKSTOP', '1000000')),
    ]);
    await system.awaitInstrument(PERP);
    await publishRaw(kafka, system.topics.fills, [
      fillMessage({
        fillId: 'reg-1',
        instrument: PERP,
        price: '60000',
        quantity: '1',
        buyer: 'alice',
        seller: 'bob',
      }),
    ]);
    // Quotes keep coming until the oracle, following the catalog, marks the new perpetual.
    const margin = await eventually(
      async () => {
        await quote('60000');
        const latest = (await system.marginOf('alice')).at(-1);
        return latest?.kind === 'account-margin' && latest.journalSequence >= 3 ? latest : undefined;
      },
      45_000,
      2_000,
    );
    assert.equal((margin as AccountMarginV1).health.band, 'healthy');
  });

  it('when BTC gaps to 50,000 (her NLV 5,000 under a 6,000 maintenance), then she is partially liquidated to the backstop and restored', async () => {
    await quote('50000');
    const closed = await system.awaitClosed('alice', 90_000);
    assert.equal(closed.outcome, 'restored');
    const steps = (await system.liquidations()).filter(
      (m): m is Step => m.kind === 'step' && m.account === 'alice' && m.status === 'issued',
    );
    const legs = steps.flatMap((s) => s.commands).filter((c) => 'instrument' in c);
    assert.ok(legs.length > 0);
    assert.ok(legs.every((c) => 'instrument' in c && c.instrument === PERP));
    assert.ok(await system.verifies());
  });
});
