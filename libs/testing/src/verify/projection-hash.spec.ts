import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hashRows } from './projection-hash';

const COLUMNS = ['account_id', 'amount', 'asset'];
const row = fc.tuple(fc.string(), fc.option(fc.string(), { nil: null }), fc.string());

describe('projection hash: canonical over row order, exact over values', () => {
  it('property: the same rows in any order hash the same', () => {
    fc.assert(
      fc.property(fc.array(row), fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort(() => ((seed = (seed * 1103515245 + 12345) | 0) & 1 ? 1 : -1));
        assert.equal(hashRows(COLUMNS, shuffled), hashRows(COLUMNS, rows));
      }),
    );
  });

  it('a NUMERIC text differing in one digit, a null vs "null", or another column set all change the hash', () => {
    const base = hashRows(COLUMNS, [['alice', '1.000000', 'USDC']]);
    assert.notEqual(hashRows(COLUMNS, [['alice', '1.000001', 'USDC']]), base);
    assert.notEqual(
      hashRows(COLUMNS, [['alice', null, 'USDC']]),
      hashRows(COLUMNS, [['alice', 'null', 'USDC']]),
    );
    assert.notEqual(
      hashRows(['account_id', 'amount', 'last_sequence'], [['alice', '1.000000', 'USDC']]),
      base,
    );
  });
});
