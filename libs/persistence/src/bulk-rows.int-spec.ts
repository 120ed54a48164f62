import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseFixture } from '@clearing/testing';
import { RowTable, writeRows } from './bulk-rows';

const LEDGER: RowTable = {
  table: 'bulk_ledger',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'amount', type: 'numeric' },
    { name: 'sequence', type: 'bigint' },
    { name: 'note', type: 'text' },
    { name: 'detail', type: 'jsonb' },
  ],
};
const TOTALS: RowTable = {
  table: 'bulk_totals',
  columns: [
    { name: 'account', type: 'text' },
    { name: 'amount', type: 'numeric' },
  ],
  onConflict: { key: ['account'], set: 'amount = bulk_totals.amount + EXCLUDED.amount' },
};
const FIRST_WINS: RowTable = { ...TOTALS, onConflict: { key: ['account'] } };

const TABLES_DDL = [
  `CREATE TABLE bulk_ledger (id text PRIMARY KEY, amount numeric(80, 30) NOT NULL, sequence bigint NOT NULL,
     note text, detail jsonb)`,
  'CREATE TABLE bulk_totals (account text PRIMARY KEY, amount numeric(60, 18) NOT NULL)',
];

describe('writeRows (Postgres)', () => {
  const database = new DatabaseFixture([]);
  before(() => database.open(TABLES_DDL));
  after(() => database.close());
  const rows = <T>(sql: string): Promise<T[]> => database.dataSource.query(sql);

  it('appends rows exactly: NUMERIC beyond a double, bigint, NULL, and text with quotes, braces and escapes', async () => {
    const awkward = 'tab\there\nnewline\r\\N back\\slash "quoted" {braced,} NULL \u00e9\u20ac';
    await database.dataSource.transaction((db) =>
      writeRows(db, LEDGER, [
        [
          'a',
          '123456789012345678901234567890.123456789012345678901234567891',
          9007199254740993n,
          awkward,
          '{"k":"v\\t"}',
        ],
        ['b', '-0.000000000000000000000000000001', 1, null, null],
        ['c', '0', 2, '\\N', null],
      ]),
    );
    const stored = await rows<Record<string, unknown>>(
      'SELECT id, amount::text, sequence::text, note, detail FROM bulk_ledger ORDER BY id',
    );
    assert.deepEqual(stored, [
      {
        id: 'a',
        amount: '123456789012345678901234567890.123456789012345678901234567891',
        sequence: '9007199254740993',
        note: awkward,
        detail: { k: 'v\t' },
      },
      { id: 'b', amount: '-0.000000000000000000000000000001', sequence: '1', note: null, detail: null },
      { id: 'c', amount: '0.000000000000000000000000000000', sequence: '2', note: '\\N', detail: null },
    ]);
  });

  it('writes through the given transaction: a rollback leaves no row', async () => {
    await assert.rejects(
      database.dataSource.transaction(async (db) => {
        await writeRows(db, LEDGER, [['rolled-back', '1', 1, null, null]]);
        throw new Error('abort after the rows');
      }),
      /abort after the rows/,
    );
    assert.deepEqual(await rows("SELECT id FROM bulk_ledger WHERE id = 'rolled-back'"), []);
  });

  it('upserts in one statement with the given SET, or keeps the first row with none', async () => {
    await database.dataSource.transaction(async (db) => {
      await writeRows(db, TOTALS, [
        ['x', '1.5'],
        ['y', '2'],
      ]);
      await writeRows(db, TOTALS, [
        ['x', '0.25'],
        ['z', '7'],
      ]);
      await writeRows(db, FIRST_WINS, [
        ['y', '100'],
        ['w', '3'],
      ]);
    });
    const stored = await rows('SELECT account, amount::text FROM bulk_totals ORDER BY account');
    assert.deepEqual(stored, [
      { account: 'w', amount: '3.000000000000000000' },
      { account: 'x', amount: '1.750000000000000000' },
      { account: 'y', amount: '2.000000000000000000' },
      { account: 'z', amount: '7.000000000000000000' },
    ]);
  });
});
