import { EntityManager } from 'typeorm';
import { LocatedEvent } from './journal-rows';

/** Journal events that refuse the command that caused them (the reason is in `payload.reason`). */
const REFUSAL_EVENTS: ReadonlySet<string> = new Set(['CommandRejected', 'WithdrawalRejected']);

/**
 * The `accounts` reference data the fill intake validates against, as a projection of the account
 * lifecycle events: onboarding is a journaled command, so a replay rebuilds the same rows. Applied one by
 * one in journal order (they are rare) so an open and a suspension in one batch end suspended.
 */
export async function writeAccounts(db: EntityManager, events: readonly LocatedEvent[]): Promise<void> {
  for (const { event } of events) {
    const payload = event.payload as { parentAccount?: string; marginMode?: string; reason?: string };
    if (event.type === 'AccountOpened')
      await db.query(
        `INSERT INTO accounts (account_id, parent_account_id, margin_mode, status, created_at)
         VALUES ($1, $2, $3, 'active', $4)
         ON CONFLICT (account_id) DO UPDATE SET parent_account_id = EXCLUDED.parent_account_id,
           margin_mode = EXCLUDED.margin_mode, status = 'active', status_reason = NULL`,
        [event.account, payload.parentAccount ?? null, payload.marginMode ?? 'cross', event.occurredAt],
      );
    else if (event.type === 'AccountSuspended' || event.type === 'AccountClosed')
      await db.query('UPDATE accounts SET status = $2, status_reason = $3 WHERE account_id = $1', [
        event.account,
        event.type === 'AccountSuspended' ? 'suspended' : 'closed',
        payload.reason ?? null,
      ]);
  }
}

/**
 * What the ledger decided for each command id, in the transaction that commits the events: the API
 * answers "booked at sequence n" or "refused: reason" from here (libs/persistence `commandOutcome`).
 * The first event of a command decides its row; a re-delivered batch changes nothing.
 */
export async function writeCommandOutcomes(
  db: EntityManager,
  events: readonly LocatedEvent[],
): Promise<void> {
  const decided = events.filter((l) => l.event.causationId !== undefined);
  if (decided.length === 0) return;
  const refused = (l: LocatedEvent) => REFUSAL_EVENTS.has(l.event.type);
  await db.query(
    `INSERT INTO command_outcomes (command_id, account_id, outcome, event_type, journal_sequence,
       journal_partition, journal_offset, command_hash, reason, attribution, occurred_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[],
       $7::bigint[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
     ON CONFLICT (command_id) DO NOTHING`,
    [
      decided.map((l) => l.event.causationId),
      decided.map((l) => l.event.account),
      decided.map((l) => (refused(l) ? 'refused' : 'booked')),
      decided.map((l) => l.event.type),
      decided.map((l) => l.event.sequence),
      decided.map((l) => l.partition),
      decided.map((l) => l.offset),
      decided.map((l) => l.event.commandHash ?? null),
      decided.map((l) => (refused(l) ? String(l.event.payload.reason) : null)),
      decided.map((l) => (l.event.payload.attribution ? JSON.stringify(l.event.payload.attribution) : null)),
      decided.map((l) => l.event.occurredAt),
    ],
  );
}
