import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JournalEvent } from '@clearing/ledger';
import { BTC_PERP, clear, shards } from '../../../ledger/src/book/book-fixtures';
import { CheckResult } from './check-result';
import { journalChecks } from './journal-checks';
import { JournalFold } from './journal-fold';
import { journalRecords, sampleJournal } from './sample-journal';

function verdicts(events: readonly JournalEvent[], extraValues: string[] = []): Map<string, CheckResult> {
  const fold = new JournalFold();
  for (const record of journalRecords(events)) fold.addRecord(record.value, record);
  extraValues.forEach((value, i) => fold.addRecord(value, { partition: 9, offset: String(i) }));
  return new Map(journalChecks(fold).map((check) => [check.name, check]));
}

const failed = (checks: Map<string, CheckResult>) =>
  [...checks.values()].filter((c) => !c.ok).map((c) => c.name);

describe('verify, journal checks: zero-sum, a flat CCP, both legs, gapless sequences', () => {
  it('pass on a journal the single writers produced (deposits, perpetual and option fills, two shards)', () => {
    assert.deepEqual(failed(verdicts(sampleJournal())), []);
  });

  it('a fill missing its sell leg fails fill-legs and ccp-flat, naming the fill and the instrument', () => {
    const journal = sampleJournal().filter((e) => !(e.payload.fillId === 'f1' && e.payload.side === 'sell'));
    const checks = verdicts(journal);
    assert.deepEqual(failed(checks), ['ccp-flat', 'fill-legs', 'sequences']);
    assert.deepEqual(checks.get('fill-legs')!.details, ['fill f1: 1 buy leg(s), 0 sell leg(s)']);
    assert.match(checks.get('ccp-flat')!.details[0], /CCP net BTC-PERP position is -2$/);
  });

  it('a repeated event fails sequences as a duplicate, fill-legs as a double leg and event-ids-unique', () => {
    const journal = sampleJournal();
    const checks = verdicts([...journal, journal[4]]);
    assert.deepEqual(failed(checks), ['ccp-flat', 'fill-legs', 'sequences', 'event-ids-unique']);
    assert.match(checks.get('sequences')!.details[0], /^bob: duplicate, expected 4, got 2/);
  });

  it('a lost event in the middle of an account is one gap, however many events follow it', () => {
    const journal = sampleJournal();
    const aliceSecond = journal.find((e) => e.account === 'alice' && e.sequence === 2)!;
    const checks = verdicts(journal.filter((e) => e !== aliceSecond));
    assert.equal(checks.get('sequences')!.problems, 1);
    assert.match(checks.get('sequences')!.details[0], /^alice: gap, expected 2, got 3/);
  });

  it('an undecodable record is reported with its place in the topic', () => {
    const checks = verdicts(sampleJournal(), ['{not json']);
    assert.deepEqual(failed(checks), ['journal-decodes']);
    assert.match(checks.get('journal-decodes')!.details[0], /^partition 9 offset 0: /);
  });

  it('property: any set of two-legged fills passes; dropping any one leg fails fill-legs and ccp-flat', () => {
    const fill = fc.record({
      buyer: fc.constantFrom('alice', 'bob', 'carol'),
      seller: fc.constantFrom('alice', 'bob', 'carol'),
      lots: fc.integer({ min: 1, max: 50_000 }),
      priceUsd: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(fc.array(fill, { minLength: 1, maxLength: 12 }), fc.nat(), (fills, pick) => {
        const ledgers = shards();
        const journal = fills
          .filter((f) => f.buyer !== f.seller)
          .flatMap((f, i) =>
            clear(ledgers, {
              fillId: `p${i}`,
              buyer: f.buyer,
              seller: f.seller,
              terms: BTC_PERP,
              price: String(f.priceUsd),
              quantity: (f.lots / 10_000).toFixed(4),
            }),
          );
        assert.deepEqual(failed(verdicts(journal)), []);
        if (journal.length === 0) return;
        const dropped = journal.filter((_, i) => i !== pick % journal.length);
        const names = failed(verdicts(dropped));
        assert.ok(names.includes('fill-legs') && names.includes('ccp-flat'), names.join(','));
      }),
      { numRuns: 60 },
    );
  });

  it('two journal events with one id fail event-ids-unique, naming the id and both places', () => {
    const journal = sampleJournal();
    const copy = { ...journal[1], account: journal[0].account, sequence: 2, id: journal[0].id };
    const checks = verdicts([journal[0], copy]);
    assert.equal(checks.get('event-ids-unique')!.ok, false);
    assert.match(
      checks.get('event-ids-unique')!.details[0],
      new RegExp(`event ${journal[0].id} at .* and again at`),
    );
  });
});
