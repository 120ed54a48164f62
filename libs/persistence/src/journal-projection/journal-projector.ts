import { EntityManager } from 'typeorm';
import { JournalCodec } from '@clearing/ledger';
import { AccountSequenceGuard } from '../account-sequence-guard';
import { instrumentDefinitionOf } from '@clearing/contracts';
import { writeAccounts, writeCommandOutcomes } from './account-rows';
import { balanceDeltas, latestPositions, LocatedEvent } from './journal-rows';

/**
 * Projects journal events into balances, positions, the journal index, fill legs, reference data
 * (instruments, risk parameters, accounts) and command outcomes, inside the
 * caller's transaction (the one the journal offsets commit in). Each event is applied at most once by
 * (account, sequence); a sequence gap throws and halts the partition.
 */
export class JournalProjector {
  private readonly guard: AccountSequenceGuard;

  constructor(
    consumerGroup: string,
    private readonly codec: JournalCodec,
  ) {
    this.guard = new AccountSequenceGuard(consumerGroup);
  }

  async project(db: EntityManager, located: readonly LocatedEvent[]): Promise<number> {
    const byIdentity = new Map(located.map((l) => [`${l.event.account}:${l.event.sequence}`, l]));
    const admitted = await this.guard.admit(
      db,
      located.map((l) => ({
        account: l.event.account,
        sequence: BigInt(l.event.sequence ?? 0),
        id: `${l.event.account}:${l.event.sequence}`,
      })),
    );
    const events = admitted.map((a) => byIdentity.get(a.id)!);
    if (events.length === 0) return 0;
    await this.writeJournalIndex(db, events);
    await this.writeBalances(db, events);
    await this.writePositions(db, events);
    await this.writeFillLegs(db, events);
    await this.writeInstruments(db, events);
    await this.writeRiskParams(db, events);
    await writeAccounts(db, events);
    await writeCommandOutcomes(db, events);
    return events.length;
  }

  private async writeJournalIndex(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    await db.query(
      `INSERT INTO journal_index (event_id, account_id, sequence, event_type, occurred_at, journal_partition, journal_offset, causation_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::int[], $7::bigint[], $8::text[])`,
      [
        events.map((l) => l.event.id),
        events.map((l) => l.event.account),
        events.map((l) => l.event.sequence),
        events.map((l) => l.event.type),
        events.map((l) => l.event.occurredAt),
        events.map((l) => l.partition),
        events.map((l) => l.offset),
        events.map((l) => l.event.causationId ?? null),
      ],
    );
  }

  private async writeBalances(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    const deltas = balanceDeltas(events, this.codec);
    await db.query(
      `INSERT INTO balances (account_id, asset, amount, last_sequence)
       SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::bigint[])
       ON CONFLICT (account_id, asset) DO UPDATE SET amount = balances.amount + EXCLUDED.amount,
         last_sequence = GREATEST(balances.last_sequence, EXCLUDED.last_sequence)`,
      [
        deltas.map((d) => d.account),
        deltas.map((d) => d.asset),
        deltas.map((d) => d.amount),
        deltas.map((d) => d.lastSequence),
      ],
    );
  }

  private async writePositions(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    const rows = latestPositions(events);
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO positions (account_id, instrument, quantity, cost, average_entry_price, realized_pnl, settlement_asset, last_sequence)
       SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::text[], $8::bigint[])
       ON CONFLICT (account_id, instrument) DO UPDATE SET quantity = EXCLUDED.quantity, cost = EXCLUDED.cost,
         average_entry_price = EXCLUDED.average_entry_price, realized_pnl = EXCLUDED.realized_pnl,
         last_sequence = EXCLUDED.last_sequence`,
      [
        rows.map((r) => r.account),
        rows.map((r) => r.instrument),
        rows.map((r) => r.quantity),
        rows.map((r) => r.cost),
        rows.map((r) => r.averageEntryPrice),
        rows.map((r) => r.realizedPnl),
        rows.map((r) => r.settlementAsset),
        rows.map((r) => r.lastSequence),
      ],
    );
  }

  private async writeFillLegs(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    const legs = events
      .filter((l) => l.event.type === 'FillCleared')
      .map((l) => ({
        id: l.event.id,
        account: l.event.account,
        fill: l.event.payload as Record<string, string>,
      }));
    if (legs.length === 0) return;
    await db.query(
      `INSERT INTO fill_legs (fill_id, side, account_id, instrument, quantity, price, event_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::text[])`,
      [
        legs.map((l) => l.fill.fillId),
        legs.map((l) => l.fill.side),
        legs.map((l) => l.account),
        legs.map((l) => l.fill.instrument),
        legs.map((l) => l.fill.quantity),
        legs.map((l) => l.fill.price),
        legs.map((l) => l.id),
      ],
    );
  }

  private async writeInstruments(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    for (const { event } of events.filter((l) => l.event.type === 'InstrumentRegistered')) {
      const definition = instrumentDefinitionOf(event.payload as Record<string, string | number>);
      await db.query(
        `INSERT INTO instruments (symbol, kind, definition, source) VALUES ($1, $2, $3, 'journal')
         ON CONFLICT (symbol) DO UPDATE SET kind = EXCLUDED.kind, definition = EXCLUDED.definition, source = 'journal', updated_at = now()`,
        [definition.symbol, definition.kind, JSON.stringify(definition)],
      );
    }
  }

  /** Kept for the margin calculators: each applies every change, whatever partition carried it. */
  private async writeRiskParams(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    for (const { event } of events.filter((l) => l.event.type === 'RiskParamsChanged')) {
      const { scope, target, params } = event.payload as { scope: string; target?: string; params: string };
      await db.query(
        `INSERT INTO risk_param_changes (event_id, occurred_at, scope, target, params)
         VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.occurredAt, scope, target ?? null, params],
      );
    }
  }
}
