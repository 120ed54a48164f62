import { AssetRegistry } from './assets';
import { JsonObject } from './json';
import { createJournalEvent, EventSource, InvalidJournalEventError, JournalEvent } from './journal-event';
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
 * asset's registered scale and the postings must balance again: the wire is never trusted blindly. With
 * the envelope checks of createJournalEvent this is the journal's validation on read (readers parse the
 * topic without the JSON Schema pass, issue 15), so the shape is checked here too. The parsed payload is
 * adopted (frozen in place, not copied): the caller's wire object is not used as a message afterwards.
 */
export function journalEventFromWire(wire: JournalEventWire, assets: AssetRegistry): JournalEvent {
  const problem = wireShapeProblem(wire);
  if (problem !== undefined) throw new InvalidJournalEventError(`journal event on the wire: ${problem}`);
  if (wire.schemaVersion !== JOURNAL_WIRE_SCHEMA_VERSION) {
    throw new Error(`unsupported journal schemaVersion ${JSON.stringify(wire.schemaVersion)}`);
  }
  const postings: Posting[] = wire.postings.map((p) => ({
    account: p.account,
    asset: p.asset,
    amount: assets.parse(p.asset, p.amount),
  }));
  return createJournalEvent(
    {
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
    },
    { adoptPayload: true },
  );
}

/** What JSON Schema would refuse that the envelope patterns do not see: missing or non-string fields. */
export function wireShapeProblem(wire: JournalEventWire): string | undefined {
  if (wire === null || typeof wire !== 'object' || Array.isArray(wire)) return 'not an object';
  for (const field of ['id', 'type', 'account', 'occurredAt'] as const)
    if (typeof wire[field] !== 'string') return `${field} must be a string`;
  for (const field of ['causationId', 'commandHash'] as const)
    if (wire[field] !== undefined && typeof wire[field] !== 'string') return `${field} must be a string`;
  if (wire.source !== undefined && (wire.source === null || typeof wire.source !== 'object'))
    return 'source must be an object';
  if (!Array.isArray(wire.postings)) return 'postings must be an array';
  for (const p of wire.postings as unknown[]) {
    const posting = (p ?? {}) as Partial<Record<keyof PostingWire, unknown>>;
    if (
      typeof posting.account !== 'string' ||
      typeof posting.asset !== 'string' ||
      typeof posting.amount !== 'string'
    )
      return 'each posting needs account, asset and amount strings';
  }
  const { payload } = wire as { payload: unknown };
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return 'payload must be an object';
  return undefined;
}
