import { AssetRegistry } from './assets';
import { JsonObject } from './json';
import { createJournalEvent, EventSource, JournalEvent } from './journal-event';
import { balancePostings, NO_POSTINGS, Posting } from './posting';

/** Wire schema version of `ledger.journal.v1` (libs/contracts owns the JSON Schema of this shape). */
export const JOURNAL_WIRE_SCHEMA_VERSION = 1;

export interface PostingWire {
  readonly account: string;
  readonly asset: string;
  /** Decimal string at the asset's scale, signed per the Posting sign convention. */
  readonly amount: string;
}

export interface JournalEventWire {
  readonly schemaVersion: typeof JOURNAL_WIRE_SCHEMA_VERSION;
  readonly id: string;
  readonly type: string;
  readonly account: string;
  readonly sequence?: number;
  readonly occurredAt: string;
  readonly source?: EventSource;
  readonly causationId?: string;
  readonly commandHash?: string;
  readonly postings: readonly PostingWire[];
  readonly payload: JsonObject;
}

export function journalEventToWire(event: JournalEvent, assets: AssetRegistry): JournalEventWire {
  return {
    schemaVersion: JOURNAL_WIRE_SCHEMA_VERSION,
    id: event.id,
    type: event.type,
    account: event.account,
    ...(event.sequence === undefined ? {} : { sequence: event.sequence }),
    occurredAt: event.occurredAt,
    ...(event.source === undefined ? {} : { source: event.source }),
    ...(event.causationId === undefined ? {} : { causationId: event.causationId }),
    ...(event.commandHash === undefined ? {} : { commandHash: event.commandHash }),
    postings: event.postings.map((p) => ({
      account: p.account,
      asset: p.asset,
      amount: assets.format(p.asset, p.amount),
    })),
    payload: event.payload,
  };
}

/**
 * Rebuilds a JournalEvent from its wire form (already JSON-parsed). Amounts are parsed strictly at each
 * asset's registered scale and the postings must balance again: the wire is never trusted blindly.
 */
export function journalEventFromWire(wire: JournalEventWire, assets: AssetRegistry): JournalEvent {
  if (wire.schemaVersion !== JOURNAL_WIRE_SCHEMA_VERSION) {
    throw new Error(`unsupported journal schemaVersion ${JSON.stringify(wire.schemaVersion)}`);
  }
  const postings: Posting[] = wire.postings.map((p) => ({
    account: p.account,
    asset: p.asset,
    amount: assets.parse(p.asset, p.amount),
  }));
  return createJournalEvent({
    id: wire.id,
    type: wire.type,
    account: wire.account,
    sequence: wire.sequence,
    occurredAt: wire.occurredAt,
    source: wire.source,
    causationId: wire.causationId,
    commandHash: wire.commandHash,
    postings: postings.length === 0 ? NO_POSTINGS : balancePostings(postings),
    payload: wire.payload,
  });
}
