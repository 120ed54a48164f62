/** Anything that runs parameterised SQL: a TypeORM DataSource, an EntityManager, a pg Pool. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface Decided {
  readonly commandId: string;
  readonly account: string;
  /** The journal event that recorded the decision, e.g. `AccountOpened` or `CommandRejected`. */
  readonly eventType: string;
  /** The account's journal sequence of that event. */
  readonly journalSequence: number;
  readonly journalPartition: number;
  readonly journalOffset: string;
  readonly occurredAt: string;
  readonly attribution?: Record<string, string>;
}

/**
 * What became of a command id. `pending`: not decided yet (in flight, or never sent: a caller polls).
 * `conflict`: the id was decided for other content than the caller's (`commandHash` given and different):
 * the caller's command was not and will not be applied.
 */
export type CommandOutcome =
  | { readonly status: 'pending'; readonly commandId: string }
  | (Decided & { readonly status: 'booked' })
  | (Decided & { readonly status: 'refused'; readonly reason: string })
  | (Decided & { readonly status: 'conflict'; readonly reason: string });

interface OutcomeRow {
  account_id: string;
  outcome: 'booked' | 'refused';
  event_type: string;
  journal_sequence: string;
  journal_partition: number;
  journal_offset: string;
  command_hash: string | null;
  reason: string | null;
  attribution: Record<string, string> | null;
  occurred_at: Date;
}

/**
 * Looks a command up in `command_outcomes`, which the aggregator's projection writes in the transaction
 * that commits the journal events: a row here is durable and agrees with the projected balances.
 */
export async function commandOutcome(
  db: Queryable,
  commandId: string,
  commandHash?: string,
): Promise<CommandOutcome> {
  const rows = (await db.query(
    `SELECT account_id, outcome, event_type, journal_sequence::text, journal_partition, journal_offset::text,
       command_hash, reason, attribution, occurred_at FROM command_outcomes WHERE command_id = $1`,
    [commandId],
  )) as OutcomeRow[];
  if (rows.length === 0) return { status: 'pending', commandId };
  const row = rows[0];
  const decided: Decided = {
    commandId,
    account: row.account_id,
    eventType: row.event_type,
    journalSequence: Number(row.journal_sequence),
    journalPartition: row.journal_partition,
    journalOffset: row.journal_offset,
    occurredAt: row.occurred_at.toISOString(),
    ...(row.attribution ? { attribution: row.attribution } : {}),
  };
  if (commandHash !== undefined && row.command_hash !== null && row.command_hash !== commandHash)
    return {
      ...decided,
      status: 'conflict',
      reason: `command ${commandId} was already decided with other content`,
    };
  return row.outcome === 'refused'
    ? { ...decided, status: 'refused', reason: row.reason ?? '' }
    : { ...decided, status: 'booked' };
}
