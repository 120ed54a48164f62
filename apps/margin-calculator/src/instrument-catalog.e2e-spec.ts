import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccountMarginV1, DEFAULT_INSTRUMENTS_FILE } from '@clearing/contracts';
import { btcQuotes, depositMessage, fillMessage, MarginFixture, publishRaw } from '@clearing/testing';

// An operator lists a new BTC future in INSTRUMENTS_FILE. The aggregator clears fills in it; unless the
// oracle marks it from the same catalog, both parties stay unpriced and nobody can margin or liquidate them.
const NEW_FUTURE = 'BTC-25JUN27';

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

describe('an instrument listed only in INSTRUMENTS_FILE', () => {
  const catalog = { INSTRUMENTS_FILE: catalogWithNewFuture() };
  const system = new MarginFixture();
  before(async () => {
    await system.open(['alice', 'bob']);
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
});
