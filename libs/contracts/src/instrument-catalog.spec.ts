import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_INSTRUMENTS_FILE,
  instrumentCatalogFile,
  InstrumentDefinition,
  loadInstrumentFile,
  parseInstrumentFile,
} from './instrument-catalog';

/** The repository's own perpetual: the cases below each break one thing of a valid entry. */
const PERP: InstrumentDefinition = loadInstrumentFile().find((d) => d.kind === 'perpetual')!;

/** The error of parsing a catalog of these entries, or undefined when it is accepted. */
function refusal(...instruments: object[]): string | undefined {
  try {
    parseInstrumentFile({ instruments }, 'instruments.json');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('instrument catalog (config/instruments.json, instruments.v1.schema.json)', () => {
  it("the repository's config/instruments.json is valid: every service starts on it", () => {
    const symbols = loadInstrumentFile().map((d) => d.symbol);
    assert.ok(symbols.includes('BTC-PERP') && symbols.includes('BTC-USDC'), symbols.join(', '));
  });

  it('accepts each kind with the fields it needs', () => {
    const future = { ...PERP, symbol: 'BTC-27MAR26', kind: 'future', expiry: '2027-03-26T08:00:00Z' };
    const option = {
      ...future,
      symbol: 'BTC-27MAR26-1-C',
      kind: 'option',
      strike: '100000',
      optionType: 'call',
    };
    const spot = { ...PERP, symbol: 'BTC-USDC', kind: 'spot', baseAsset: 'BTC', maxQuantity: '1000' };
    assert.equal(refusal(PERP, future, option, spot), undefined);
  });

  const cases: [why: string, entry: object, expected: RegExp][] = [
    ['a misspelt field', { ...PERP, lotsize: '1' }, /additional properties \("lotsize"\)/],
    [
      'a size as a JSON number',
      { ...PERP, contractSize: 1 },
      /\/instruments\/0\/contractSize must be string/,
    ],
    ['a zero tick', { ...PERP, tickSize: '0' }, /\/instruments\/0\/tickSize/],
    ['a future without expiry', { ...PERP, kind: 'future' }, /required property 'expiry'/],
    ['a perpetual that expires', { ...PERP, expiry: '2027-01-01T00:00:00Z' }, /expiry must not be present/],
    ['an option without strike', { ...PERP, kind: 'option', expiry: '2027-01-01T00:00:00Z' }, /'strike'/],
    ['spot without its base asset', { ...PERP, kind: 'spot' }, /required property 'baseAsset'/],
    [
      'an unknown kind',
      { ...PERP, kind: 'swap' },
      /\/instruments\/0\/kind must be equal to one of the allowed/,
    ],
  ];
  for (const [why, entry, expected] of cases) {
    it(`refuses ${why}, naming the field`, () => {
      assert.match(refusal(entry) ?? 'accepted', expected);
    });
  }

  it('refuses a symbol listed twice and an empty catalog', () => {
    assert.match(refusal(PERP, { ...PERP, tickSize: '1' }) ?? 'accepted', /BTC-PERP is listed twice/);
    assert.match(refusal() ?? 'accepted', /\/instruments must NOT have fewer than 1 items/);
  });

  it('names the file that failed when loading one', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'instruments-')), 'instruments.json');
    writeFileSync(file, JSON.stringify({ instruments: [{ ...PERP, kind: 'future' }] }));
    assert.throws(
      () => loadInstrumentFile(file),
      (error: Error) => error.message.startsWith(`${file}: `),
    );
  });
});

describe('which catalog file every service reads', () => {
  it('given INSTRUMENTS_FILE, then it is the catalog; unset or empty, then config/instruments.json', () => {
    assert.equal(
      instrumentCatalogFile({ INSTRUMENTS_FILE: '/etc/clearing/instruments.json' }),
      '/etc/clearing/instruments.json',
    );
    assert.equal(instrumentCatalogFile({}), DEFAULT_INSTRUMENTS_FILE);
    assert.equal(instrumentCatalogFile({ INSTRUMENTS_FILE: '' }), DEFAULT_INSTRUMENTS_FILE);
  });
});
