import { EntityManager } from 'typeorm';
import { JournalCodec } from '@clearing/ledger';
import { AccountSequenceGuard } from '../account-sequence-guard';
import { writeRows } from '../bulk-rows';
import { instrumentDefinitionOf } from '@clearing/contracts';
import { writeAccounts, writeCommandOutcomes } from './account-rows';
import { balanceDeltas, latestPositions, LocatedEvent } from './journal-rows';
import { BALANCES, FILL_LEGS, JOURNAL_INDEX, POSITIONS } from './projection-tables';

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
    await writeRows(
      db,
      JOURNAL_INDEX,
      events.map(({ event, partition, offset }) => [
        event.id,
        event.account,
        event.sequence ?? null,
        event.type,
        event.occurredAt,
        partition,
        offset,
        event.causationId ?? null,
      ]),
    );
  }

  private async writeBalances(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    const deltas = balanceDeltas(events, this.codec);
    await writeRows(
      db,
      BALANCES,
      deltas.map((d) => [d.account, d.asset, d.amount, d.lastSequence]),
    );
  }

  private async writePositions(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    await writeRows(
      db,
      POSITIONS,
      latestPositions(events).map((r) => [
        r.account,
        r.instrument,
        r.quantity,
        r.cost,
        r.averageEntryPrice,
        r.realizedPnl,
        r.settlementAsset,
        r.lastSequence,
      ]),
    );
  }

  private async writeFillLegs(db: EntityManager, events: LocatedEvent[]): Promise<void> {
    const legs = events.filter((l) => l.event.type === 'FillCleared');
    await writeRows(
      db,
      FILL_LEGS,
      legs.map(({ event }) => {
        const fill = event.payload as Record<string, string>;
        return [fill.fillId, fill.side, event.account, fill.instrument, fill.quantity, fill.price, event.id];
      }),
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
