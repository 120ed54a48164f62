import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccountMarginV1, DEFAULT_INSTRUMENTS_FILE } from '@clearing/contracts';
import {
  btcQuotes,
  depositMessage,
  eventually,
  fillMessage,
  MarginFixture,
  publishRaw,
  registrationMessage,
} from '@clearing/testing';

// An operator lists a new BTC future in INSTRUMENTS_FILE, or an admin registers a perpetual by command.
// The aggregator clears fills in either; unless the oracle marks it from the same catalog, both parties
// stay unpriced and nobody can margin or liquidate them.
const NEW_FUTURE = 'BTC-25JUN27';
const REGISTERED_PERP = 'BTC-PERP-2';

function catalogWithNewFuture(): string {
  const catalog = JSON.parse(readFileSync(DEFAULT_INSTRUMENTS_FILE, 'utf8')) as {
    instruments: { symbol: string; kind: string; underlying: string }[];
  };
  const template = catalog.instruments.find((i) => i.kind === 'future' && i.underlying === 'BTC')!;
  const future = { ...template, symbol: NEW_FUTURE, expiry: '2027-06-25T08:00:00Z' };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'catalog-')), 'instruments.json');
  writeFileSync(file, JSON.stringify({ instruments: [...catalog.instruments, future] }));
  return file;
}

describe('instruments the aggregator clears beyond the shipped catalog', () => {
  const catalog = { INSTRUMENTS_FILE: catalogWithNewFuture() };
  const system = new MarginFixture();
  before(async () => {
    await system.open(['alice', 'bob', 'risk-desk']);
    await system.start(catalog);
    await system.startValuation(catalog, catalog);
  });
  after(() => system.close());

  it(`given alice buys 1 ${NEW_FUTURE} from bob at 61,000, then the oracle marks it and both are margined on it`, async () => {
    const { kafka } = system.kafka;
    await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('60000', new Date().toISOString()));
    await publishRaw(kafka, system.topics.ledgerCommands, [
      depositMessage('alice', '20000'),
      depositMessage('bob', '20000'),
    ]);
    await publishRaw(kafka, system.topics.fills, [
      fillMessage({
        fillId: 'catalog-1',
        instrument: NEW_FUTURE,
        price: '61000',
        quantity: '1',
        buyer: 'alice',
        seller: 'bob',
      }),
    ]);
    for (const account of ['alice', 'bob']) {
      const margin = await system.awaitMargin(
        account,
        // Opening (1), deposit (2), the fill (3).
        (m): m is AccountMarginV1 => m.kind === 'account-margin' && m.journalSequence >= 3,
        45_000,
      );
      assert.ok(Number(margin.required.imUsd) > 0, `${account} is charged for the future`);
    }
  });

  it(`given an admin registers ${REGISTERED_PERP} by command, when alice buys 2 from bob, then it is marked and both are margined on it`, async () => {
    const { kafka } = system.kafka;
    await publishRaw(kafka, system.topics.ledgerCommands, [registrationMessage(REGISTERED_PERP)]);
    await system.awaitInstrument(REGISTERED_PERP);
    await publishRaw(kafka, system.topics.fills, [
      fillMessage({
        fillId: 'catalog-2',
        instrument: REGISTERED_PERP,
        price: '60000',
        quantity: '2',
        buyer: 'alice',
        seller: 'bob',
      }),
    ]);
    for (const account of ['alice', 'bob']) {
      // Opening (1), deposit (2), the future (3), the registered perpetual (4). Quotes keep coming, as
      // live feeds send them: the oracle marks an underlying's instruments when its index moves.
      const margin = await eventually(
        async () => {
          await publishRaw(kafka, system.topics.oraclePrices, btcQuotes('60000', new Date().toISOString()));
          const latest = (await system.marginOf(account)).at(-1);
          return latest?.kind === 'account-margin' && latest.journalSequence >= 4 ? latest : undefined;
        },
        45_000,
        2_000,
      );
      assert.ok(Number(margin.required.imUsd) > 0, `${account} is charged for the perpetual`);
    }
  });
});
