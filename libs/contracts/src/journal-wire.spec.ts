// The journal wire shape is produced by @clearing/ledger's codec; this checks that every event the codec can
// produce is accepted by the published ledger.journal.v1 schema, so the two definitions cannot drift.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  AssetRegistry,
  balancePostings,
  createJournalEvent,
  deterministicId,
  journalEventToWire,
  NO_POSTINGS,
} from '@clearing/ledger';
import { decodeMessage, encodeMessage } from './decode';
import { TOPICS } from './topics';

const assets = AssetRegistry.withBaseAssets();
const accountArb = fc.constantFrom('acct-alice', 'acct-bob', 'CCP:0', 'insurance-fund');
const transferArb = fc.record({
  asset: fc.constantFrom(...assets.list().map((a) => a.code)),
  from: accountArb,
  to: accountArb,
  amount: fc.bigInt({ min: 1n, max: 10n ** 30n }),
});

describe('ledger journal codec vs ledger.journal.v1 schema', () => {
  it('given any balanced event from the ledger codec, then the schema accepts its wire form (property)', () => {
    fc.assert(
      fc.property(fc.array(transferArb, { maxLength: 4 }), fc.nat({ max: 1000 }), (transfers, offset) => {
        const postings = transfers.flatMap((t) => [
          { account: t.from, asset: t.asset, amount: -t.amount },
          { account: t.to, asset: t.asset, amount: t.amount },
        ]);
        const event = createJournalEvent({
          id: deterministicId(TOPICS.fills, '0', String(offset), 'leg-0'),
          type: 'FillCleared',
          account: 'acct-alice',
          sequence: offset + 1,
          occurredAt: '2026-03-14T09:26:53.589Z',
          source: { topic: TOPICS.fills, partition: 0, offset: String(offset) },
          postings: postings.length === 0 ? NO_POSTINGS : balancePostings(postings),
          payload: { fillId: 'f-1' },
        });
        const bytes = encodeMessage(TOPICS.ledgerJournal, journalEventToWire(event, assets));
        const decoded = decodeMessage(TOPICS.ledgerJournal, bytes);
        assert.ok(decoded.ok, decoded.ok ? '' : decoded.reason);
      }),
    );
  });
});
