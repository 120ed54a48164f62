import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { arrayLiteral, Cell } from './bulk-rows';

// node-postgres' own conversion of a parameter (untyped internals): what it sent before arrayLiteral.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string };

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\\', '"', '\\"', 'a,b', '{x}', 'NULL', ''),
  fc.bigInt(),
  fc.integer(),
  fc.constant(null),
);

describe('arrayLiteral: a column as the Postgres array literal node-postgres would send', () => {
  it('given any cells (quotes, backslashes, braces, NULL text, bigints), then the text pg would send (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 })), fc.nat(1), (rows, column) => {
        const cells = rows.map((row) => (row[column] === null ? null : String(row[column])));
        assert.equal(arrayLiteral(rows, column), prepareValue(cells));
      }),
    );
  });

  it('given a decimal, a quote and a null, then each is quoted or bare as Postgres reads them', () => {
    assert.equal(
      arrayLiteral([['-0.25'], ['say "hi"'], [null], [12n]], 0),
      '{"-0.25","say \\"hi\\"",NULL,"12"}',
    );
  });
});
