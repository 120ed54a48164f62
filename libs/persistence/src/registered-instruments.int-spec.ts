import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InstrumentDefinition, loadInstrumentFile } from '@clearing/contracts';
import { DatabaseFixture } from '@clearing/testing';
import { MIGRATIONS } from '../../../migrations';
import { RegisteredInstruments } from './registered-instruments';

const [configured] = loadInstrumentFile();
const registered: InstrumentDefinition = { ...configured, symbol: 'BTC-PERP-2', lotSize: '0.01' };

describe('the instrument catalog a service follows (Postgres)', () => {
  const database = new DatabaseFixture(MIGRATIONS);
  before(() => database.open());
  after(() => database.close());
  const register = (definition: InstrumentDefinition) =>
    database.dataSource.query(
      `INSERT INTO instruments (symbol, kind, definition, source) VALUES ($1, $2, $3, 'journal')
       ON CONFLICT (symbol) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`,
      [definition.symbol, definition.kind, JSON.stringify(definition)],
    );

  it('given an empty table, then the configured catalog stands; given a registration, then every listener gets it once', async () => {
    const catalog = new RegisteredInstruments(database.dataSource);
    const seen: string[][] = [];
    catalog.onChange(() => {
      throw new Error('this service cannot apply it');
    });
    catalog.onChange((definitions) => seen.push(definitions.map((d) => d.symbol)));
    assert.equal(await catalog.poll(), false, 'nothing registered yet');
    assert.deepEqual(
      catalog.definitions().map((d) => d.symbol),
      loadInstrumentFile().map((d) => d.symbol),
    );

    await register(registered);
    assert.equal(await catalog.poll(), true);
    assert.equal(await catalog.poll(), false, 'the same version is not read again');
    assert.equal(seen.length, 1, 'a listener that throws does not keep the others from it');
    assert.ok(seen[0].includes('BTC-PERP-2') && seen[0].includes(configured.symbol));
  });

  it('given a configured instrument registered again by command, then the journal definition wins', async () => {
    const catalog = new RegisteredInstruments(database.dataSource);
    await register({ ...configured, maxQuantity: '5' });
    await catalog.poll();
    assert.equal(catalog.definitions().find((d) => d.symbol === configured.symbol)?.maxQuantity, '5');
  });
});
