import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_INSTRUMENTS_FILE } from '@clearing/contracts';
import { DEFAULT_VALUATION_FILE, loadOracleConfig } from './config-files';

describe('loadOracleConfig', () => {
  it('reads the instruments through the one validated catalog: a typo stops the oracle too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oracle-config-'));
    copyFileSync(
      path.join(path.dirname(DEFAULT_INSTRUMENTS_FILE), DEFAULT_VALUATION_FILE),
      path.join(dir, DEFAULT_VALUATION_FILE),
    );
    const catalog = JSON.parse(readFileSync(DEFAULT_INSTRUMENTS_FILE, 'utf8')) as { instruments: object[] };
    writeFileSync(path.join(dir, 'instruments.json'), JSON.stringify(catalog));
    assert.equal(loadOracleConfig(dir).instruments.length, catalog.instruments.length);

    const misspelt = { instruments: [{ ...catalog.instruments[0], contractsize: '1' }] };
    writeFileSync(path.join(dir, 'instruments.json'), JSON.stringify(misspelt));
    assert.throws(() => loadOracleConfig(dir), /additional properties \("contractsize"\)/);
  });

  it('given INSTRUMENTS_FILE, then the oracle marks that catalog: the one the aggregator clears fills in', () => {
    const catalog = JSON.parse(readFileSync(DEFAULT_INSTRUMENTS_FILE, 'utf8')) as {
      instruments: { symbol: string; kind: string }[];
    };
    const perp = catalog.instruments.find((i) => i.kind === 'perpetual')!;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'catalog-')), 'listed.json');
    writeFileSync(
      file,
      JSON.stringify({ instruments: [...catalog.instruments, { ...perp, symbol: 'BTC-PERP-2' }] }),
    );
    const before = process.env.INSTRUMENTS_FILE;
    process.env.INSTRUMENTS_FILE = file;
    try {
      const symbols = loadOracleConfig().instruments.map((i) => i.symbol);
      assert.ok(symbols.includes('BTC-PERP-2'), symbols.join(', '));
    } finally {
      if (before === undefined) delete process.env.INSTRUMENTS_FILE;
      else process.env.INSTRUMENTS_FILE = before;
    }
  });
});
