import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AssetRegistry } from './assets';
import { createJournalEvent } from './journal-event';
import { balancePostings, NO_POSTINGS } from './posting';
import { balancedPostingsArb } from './test-arbitraries';
import { journalEventFromWire, journalEventToWire, JournalEventWire } from './wire';

const assets = AssetRegistry.withBaseAssets();

describe('journal wire codec', () => {
  it('given a fill leg, then amounts travel as canonical decimal strings at each asset scale', () => {
    const event = createJournalEvent({
      id: 'leg-0',
      type: 'FillCleared',
      account: 'A-1',
      sequence: 12,
      occurredAt: '2026-01-01T00:00:00.123Z',
      source: { topic: 'fills.v1', partition: 0, offset: '99' },
      postings: balancePostings([
        { account: 'A-1', asset: 'BTC-PERP', amount: 15_000n },
        { account: 'CCP:0', asset: 'BTC-PERP', amount: -15_000n },
        { account: 'A-1', asset: 'USDC', amount: -97_500_250_000n },
        { account: 'CCP:0', asset: 'USDC', amount: 97_500_250_000n },
      ]),
      payload: { fillId: 'f-1' },
    });
    const wire = journalEventToWire(event, assets);
    assert.deepEqual(
      wire.postings.map((p) => p.amount),
      ['1.5', '-1.5', '-97500.25', '97500.25'],
    );
    assert.equal(wire.schemaVersion, 1);
    assert.deepEqual(journalEventFromWire(JSON.parse(JSON.stringify(wire)), assets), event);
  });

  it('round trips any balanced event through JSON (property)', () => {
    fc.assert(
      fc.property(
        balancedPostingsArb,
        fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
        (postings, sequence) => {
          // Generated amounts are any bigint, so they are valid minor units at every scale.
          const event = createJournalEvent({
            id: 'e',
            type: 'FundingSettled',
            account: 'A-1',
            sequence,
            occurredAt: '2026-01-01T00:00:00Z',
            postings: balancePostings(postings),
            payload: {},
          });
          const json = JSON.parse(JSON.stringify(journalEventToWire(event, assets))) as JournalEventWire;
          assert.deepEqual(journalEventFromWire(json, assets), event);
        },
      ),
    );
  });

  it('given an empty posting list on the wire, then it decodes to NO_POSTINGS', () => {
    const wire: JournalEventWire = {
      schemaVersion: 1,
      id: 'r-1',
      type: 'WithdrawalRejected',
      account: 'A-1',
      occurredAt: '2026-01-01T00:00:00Z',
      postings: [],
      payload: { reason: 'insufficient free collateral' },
    };
    assert.equal(journalEventFromWire(wire, assets).postings, NO_POSTINGS);
  });
});

describe('journal wire codec: untrusted input', () => {
  it('given an unbalanced, over-precise, or unknown-asset wire event, then decoding throws', () => {
    const base: JournalEventWire = {
      schemaVersion: 1,
      id: 'x',
      type: 'CollateralDeposited',
      account: 'A-1',
      occurredAt: '2026-01-01T00:00:00Z',
      postings: [
        { account: 'A-1', asset: 'USDC', amount: '1' },
        { account: 'custody', asset: 'USDC', amount: '-1' },
      ],
      payload: {},
    };
    const withAmounts = (a: string, b: string, asset = 'USDC') => ({
      ...base,
      postings: [
        { account: 'A-1', asset, amount: a },
        { account: 'custody', asset, amount: b },
      ],
    });
    assert.throws(() => journalEventFromWire(withAmounts('1', '-0.999999'), assets), /unbalanced/);
    assert.throws(
      () => journalEventFromWire(withAmounts('0.0000001', '-0.0000001'), assets),
      /fraction digits/,
    );
    assert.throws(() => journalEventFromWire(withAmounts('1', '-1', 'DOGE'), assets), /unknown asset/);
    assert.throws(() => journalEventFromWire({ ...base, schemaVersion: 2 as 1 }, assets), /schemaVersion/);
  });

  // Readers parse the journal without the JSON Schema pass (issue 15): what the schema refused and the
  // envelope patterns let through (a pattern test of undefined tests the string "undefined") fails here.
  it('given a field missing or of the wrong JSON type, then decoding throws', () => {
    const base = {
      schemaVersion: 1,
      id: 'x',
      type: 'CollateralDeposited',
      account: 'A-1',
      occurredAt: '2026-01-01T00:00:00Z',
      postings: [
        { account: 'A-1', asset: 'USDC', amount: '1' },
        { account: 'custody', asset: 'USDC', amount: '-1' },
      ],
      payload: {},
    };
    const malformed: [string, object, RegExp][] = [
      ['no account', { ...base, account: undefined }, /account must be a string/],
      ['a numeric id', { ...base, id: 7 }, /id must be a string/],
      ['a numeric causationId', { ...base, causationId: 7 }, /causationId must be a string/],
      [
        'numeric amounts',
        { ...base, postings: base.postings.map((p, i) => ({ ...p, amount: i === 0 ? 1 : -1 })) },
        /posting/,
      ],
      ['postings not an array', { ...base, postings: {} }, /postings must be an array/],
      ['a payload array', { ...base, payload: [] }, /payload must be an object/],
      ['null', null as unknown as object, /not an object/],
    ];
    for (const [name, wire, reason] of malformed)
      assert.throws(() => journalEventFromWire(wire as JournalEventWire, assets), reason, name);
  });
});
