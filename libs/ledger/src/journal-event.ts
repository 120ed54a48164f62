import { deepFreeze, JsonObject } from './json';
import { ACCOUNT_ID_PATTERN, AccountId, BalancedPostings } from './posting';

/** Where a derived event came from: the consumed Kafka record (offset is int64, so a decimal string). */
export interface EventSource {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** An immutable economic fact. Build only with `createJournalEvent`; correct mistakes with new events. */
export interface JournalEvent {
  readonly id: string;
  /** PascalCase fact name, e.g. `FillCleared`, `CollateralDeposited`. */
  readonly type: string;
  /** The account whose partition this event belongs to (the Kafka key). */
  readonly account: AccountId;
  /** Per-account sequence (1, 2, ...), assigned by the partition's single writer. */
  readonly sequence?: number;
  /** RFC 3339 time taken from the input event, never from the wall clock (replays must be identical). */
  readonly occurredAt: string;
  readonly source?: EventSource;
  /** Id of the command or event that caused this one. */
  readonly causationId?: string;
  /** SHA-256 of the causing command's content: a later command with its id but other content conflicts. */
  readonly commandHash?: string;
  readonly postings: BalancedPostings;
  readonly payload: JsonObject;
}

/** Same rules as libs/contracts `ledger.journal.v1` (a contracts spec checks the two agree). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const KAFKA_TOPIC_PATTERN = /^[A-Za-z0-9._-]{1,249}$/;
const EVENT_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]{0,63}$/;
const RFC3339_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const OFFSET_PATTERN = /^(?:0|[1-9]\d{0,18})$/;

export class InvalidJournalEventError extends Error {
  override readonly name = 'InvalidJournalEventError';
}

/**
 * Builds a JournalEvent from outside input (the wire, tests): requires postings already proven balanced
 * (the type system enforces that via `BalancedPostings`), validates the envelope, and returns a
 * deep-frozen copy. `adoptPayload`: the payload is the caller's to give away (freshly parsed JSON), so it
 * is frozen in place instead of cloned first. The writer's own decisions are built by `nextEvent`.
 */
export function createJournalEvent(
  input: JournalEvent,
  options: { adoptPayload?: boolean } = {},
): JournalEvent {
  const problem = envelopeProblem(input);
  if (problem !== undefined) {
    throw new InvalidJournalEventError(`journal event ${JSON.stringify(input.id)}: ${problem}`);
  }
  const event: JournalEvent = {
    id: input.id,
    type: input.type,
    account: input.account,
    ...(input.sequence === undefined ? {} : { sequence: input.sequence }),
    occurredAt: input.occurredAt,
    ...(input.source === undefined ? {} : { source: Object.freeze({ ...input.source }) }),
    ...(input.causationId === undefined ? {} : { causationId: input.causationId }),
    ...(input.commandHash === undefined ? {} : { commandHash: input.commandHash }),
    postings: input.postings,
    payload: deepFreeze(
      options.adoptPayload ? input.payload : (structuredClone(input.payload) as JsonObject),
    ),
  };
  return Object.freeze(event);
}

/** A copy of `event` with its per-account sequence assigned (events are immutable). */
export function withSequence(event: JournalEvent, sequence: number): JournalEvent {
  return createJournalEvent({ ...event, sequence });
}

function envelopeProblem(input: JournalEvent): string | undefined {
  if (!ID_PATTERN.test(input.id)) {
    return `id must match ${ID_PATTERN}`;
  }
  if (!EVENT_TYPE_PATTERN.test(input.type)) {
    return `type ${JSON.stringify(input.type)} must be PascalCase`;
  }
  if (!ACCOUNT_ID_PATTERN.test(input.account)) {
    return `invalid account ${JSON.stringify(input.account)}`;
  }
  if (input.sequence !== undefined && !(Number.isSafeInteger(input.sequence) && input.sequence >= 1)) {
    return `sequence must be a safe integer >= 1, got ${input.sequence}`;
  }
  if (!RFC3339_PATTERN.test(input.occurredAt) || Number.isNaN(Date.parse(input.occurredAt))) {
    return `occurredAt ${JSON.stringify(input.occurredAt)} is not an RFC 3339 date-time`;
  }
  if (input.source !== undefined && !isValidSource(input.source)) {
    return `invalid source ${JSON.stringify(input.source)}`;
  }
  if (input.causationId !== undefined && !ID_PATTERN.test(input.causationId)) {
    return `causationId must match ${ID_PATTERN}`;
  }
  if (input.commandHash !== undefined && !HASH_PATTERN.test(input.commandHash)) {
    return `commandHash must match ${HASH_PATTERN}`;
  }
  if (!Object.isFrozen(input.postings)) {
    return 'postings must come from balancePostings/checkPostings';
  }
  return undefined;
}

function isValidSource(source: EventSource): boolean {
  return (
    KAFKA_TOPIC_PATTERN.test(source.topic) &&
    Number.isSafeInteger(source.partition) &&
    source.partition >= 0 &&
    OFFSET_PATTERN.test(source.offset)
  );
}
