import { EntityManager } from 'typeorm';
import { writeRows } from '../bulk-rows';
import { LocatedEvent } from './journal-rows';
import { COMMAND_OUTCOMES } from './projection-tables';

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
  const refused = (l: LocatedEvent) => REFUSAL_EVENTS.has(l.event.type);
  await writeRows(
    db,
    COMMAND_OUTCOMES,
    decided.map((l) => [
      l.event.causationId!,
      l.event.account,
      refused(l) ? 'refused' : 'booked',
      l.event.type,
      l.event.sequence ?? null,
      l.partition,
      l.offset,
      l.event.commandHash ?? null,
      refused(l) ? String(l.event.payload.reason) : null,
      l.event.payload.attribution ? JSON.stringify(l.event.payload.attribution) : null,
      l.event.occurredAt,
    ]),
  );
}
