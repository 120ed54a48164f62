import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { LedgerJournalV1, TOPICS } from '@clearing/contracts';
import {
  BatchHandler,
  DecodedBatch,
  heartbeatWhile,
  KafkaBatchContext,
  ownJournalEvent,
} from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { MarginEngine } from '@clearing/margin-engine';
import { MARGIN_TRANSPORT, OwnedAccounts } from '@clearing/margin-engine/service';
import { MarginMetrics } from '../margin-metrics';
import { MarginOutput } from '../output/margin-output';
import { WithdrawalVerdicts } from '../http/withdrawal-verdicts';

/**
 * Journal -> margin: folds the batch's events (each at most once per account sequence), re-margins the
 * accounts they touched, publishes what moved beyond the threshold and writes every touched account's row
 * with the journal offsets in the loop's Postgres transaction.
 */
@BatchHandler()
export class JournalMarginHandler {
  constructor(
    private readonly codec: JournalCodec,
    private readonly engine: MarginEngine,
    private readonly owned: OwnedAccounts,
    private readonly output: MarginOutput,
    private readonly metrics: MarginMetrics,
    private readonly verdicts: WithdrawalVerdicts,
  ) {}

  @EventPattern(TOPICS.ledgerJournal, MARGIN_TRANSPORT.journal)
  async onJournal(
    @Payload() batch: DecodedBatch<LedgerJournalV1>,
    @Ctx() ctx: KafkaBatchContext,
  ): Promise<void> {
    await heartbeatWhile(this.owned.restored(), batch.heartbeat);
    const events = batch.messages.map((m) => ownJournalEvent(this.codec, m.value, m));
    this.engine.applyJournal(events);
    events.forEach((event) => this.verdicts.observe(event));
    // Every account of the batch, not only those newly folded: a redelivered batch (its transaction failed)
    // must write its rows again.
    const accounts = new Set(events.map((e) => e.account).filter((a) => this.engine.accounts.book(a)));
    const { all, toPublish } = this.engine.evaluate(accounts, 'journal', new Date().toISOString());
    try {
      await this.output.publish(toPublish);
      await this.output.store(ctx.db!, all);
    } catch (error) {
      this.engine.forgetPublished(accounts);
      throw error;
    }
    const now = Date.now();
    for (const message of batch.messages) this.metrics.journalToMargin(now - message.timestampMs);
    this.metrics.published('journal', toPublish);
  }
}
