import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { LedgerJournalV1, TOPICS } from '@clearing/contracts';
import {
  BatchHandler,
  DecodedBatch,
  heartbeatWhile,
  KafkaBatchContext,
  ownJournalEvent,
} from '@clearing/kafka';
import { DELEVERAGING_STEP_COMMANDS, formatAmount, JournalCodec, JournalEvent } from '@clearing/ledger';
import { OwnedAccounts } from '@clearing/margin-engine/service';
import { CaseDriver } from '../cases/case-driver';
import { DELEVERAGING_TRANSPORT } from '../deleveraging.settings';
import { DeleveragingMetrics } from '../deleveraging-metrics';
import { LedgerView } from '../state/ledger-view';

/**
 * Journal -> engine: folds the batch into the owned accounts and the insurance funds (each event once
 * per account sequence), writes the fund balances with the journal offsets in the loop's transaction,
 * counts step commands the ledger refused, and lets the driver see the bookings (step confirmations are
 * the books' decided step ids).
 */
@BatchHandler()
export class JournalHandler {
  constructor(
    private readonly codec: JournalCodec,
    private readonly view: LedgerView,
    private readonly owned: OwnedAccounts,
    private readonly driver: CaseDriver,
    private readonly metrics: DeleveragingMetrics,
  ) {}

  @EventPattern(TOPICS.ledgerJournal, DELEVERAGING_TRANSPORT.journal)
  async onJournal(
    @Payload() batch: DecodedBatch<LedgerJournalV1>,
    @Ctx() ctx: KafkaBatchContext,
  ): Promise<void> {
    await heartbeatWhile(this.owned.restored(), batch.heartbeat);
    const events = batch.messages.map((m) => ownJournalEvent(this.codec, m.value, m));
    this.view.applyJournal(events);
    this.metrics.refused(events.filter(refusedStep).length);
    await this.storeFunds(ctx.db!);
    this.driver.kick();
  }

  private async storeFunds(db: EntityManager): Promise<void> {
    const funds = this.view.fundBalances();
    if (funds.length === 0) return;
    await db.query(
      `INSERT INTO insurance_funds (fund_account, asset, balance)
       SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[])
       ON CONFLICT (fund_account, asset) DO UPDATE SET balance = EXCLUDED.balance, updated_at = now()`,
      [
        funds.map((f) => f.account),
        funds.map((f) => f.asset),
        funds.map((f) => formatAmount(f.balance, this.codec.scaleOf(f.asset))),
      ],
    );
  }
}

function refusedStep(event: JournalEvent): boolean {
  const commandType = (event.payload as { commandType?: unknown }).commandType;
  return event.type === 'CommandRejected' && DELEVERAGING_STEP_COMMANDS.has(String(commandType));
}
