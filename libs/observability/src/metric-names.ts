/**
 * Every metric this system exposes, in one place, so dashboards, alert rules and their tests have a single
 * list to check against. Prometheus conventions: `clearing_` prefix, base units (`_seconds`), `_total` on
 * counters, and label values from small closed sets only (topics, partitions, reasons: never account ids,
 * which would make one time series per account).
 */
export const METRICS = {
  buildInfo: {
    name: 'clearing_build_info',
    help: 'Always 1; labels tell which service and release version this process runs.',
    labelNames: ['service', 'version'],
  },
  messagesConsumed: {
    name: 'clearing_messages_consumed_total',
    help: 'Kafka messages read from an input topic (accepted + dead-lettered).',
    labelNames: ['topic'],
  },
  messagesProduced: {
    name: 'clearing_messages_produced_total',
    help: 'Kafka messages written to an output topic in committed transactions.',
    labelNames: ['topic'],
  },
  messagesDeadLettered: {
    name: 'clearing_messages_dead_lettered_total',
    help: 'Input messages sent to the .dlq twin of their topic, by reason.',
    labelNames: ['topic', 'reason'],
  },
  messagesForwarded: {
    name: 'clearing_messages_forwarded_total',
    help: 'Input messages re-published unchanged to the partition that owns them (the producer partitioned by another hash); consumed = accepted + dead-lettered + forwarded.',
    labelNames: ['topic'],
  },
  batchDuration: {
    name: 'clearing_batch_duration_seconds',
    help: 'Time to process one consumed batch end to end (decide, produce, project, commit).',
    labelNames: ['topic'],
  },
  consumerLag: {
    name: 'clearing_consumer_lag_messages',
    help: 'High watermark minus committed offset of this consumer, per assigned partition.',
    labelNames: ['topic', 'partition'],
  },
  consumerCrashes: {
    name: 'clearing_consumer_crashes_total',
    help: 'Times the kafkajs consumer crashed (a batch kept failing, or the group broke); kafkajs restarts it or the loop is replaced.',
    labelNames: [],
  },
  consumerJoined: {
    name: 'clearing_consumer_joined',
    help: '1 while this instance is a member of its consumer group with partitions assigned, else 0.',
    labelNames: [],
  },
  ledgerInvariantOk: {
    name: 'clearing_ledger_invariant_ok',
    help: '1 while every committed journal event of the partition sums to zero per asset, 0 once broken.',
    labelNames: ['partition'],
  },
  partitionHalted: {
    name: 'clearing_partition_halted',
    help: '1 while processing of a partition is stopped by a broken ledger invariant (reason: the error), else 0.',
    labelNames: ['topic', 'partition', 'reason'],
  },
} as const;

/**
 * The metrics of one service's domain (aggregator, oracle, margin calculator, deleveraging engine),
 * registered by that service's own metrics class into its ClearingMetrics registry.
 */
export const DOMAIN_METRICS = {
  journalEvents: {
    name: 'clearing_journal_events_total',
    help: 'Journal events projected into Postgres (each committed event once), by event type: what the ledger booked or refused (CommandRejected).',
    labelNames: ['type'],
  },
  settlementCycles: {
    name: 'clearing_settlement_cycles_total',
    help: 'Netting cycles closed by the journal writer (one settlements.v1 cycle-summary each).',
    labelNames: [],
  },
  settlementNettingEfficiency: {
    name: 'clearing_settlement_netting_efficiency_ratio',
    help: 'Last closed netting cycle per asset: 1 - net / gross of the obligations (0 = nothing netted).',
    labelNames: ['asset'],
  },
  oracleObservationsAccepted: {
    name: 'clearing_oracle_observations_accepted_total',
    help: 'Oracle observations the valuation fold took into its state.',
    labelNames: [],
  },
  oracleObservationsRejected: {
    name: 'clearing_oracle_observations_rejected_total',
    help: 'Oracle observations refused by the valuation fold (stale, non-finite, out-of-order...), by reason.',
    labelNames: ['reason'],
  },
  oracleIndexValid: {
    name: 'clearing_oracle_index_valid',
    help: '1 while the underlying index is valid, 0 while invalid (margin, liquidation and funding pause).',
    labelNames: ['underlying'],
  },
  oracleIndexPrice: {
    name: 'clearing_oracle_index_price_usd',
    help: 'Last published index price of the underlying, USD (absent until the first valid index).',
    labelNames: ['underlying'],
  },
  oracleIndexSources: {
    name: 'clearing_oracle_index_sources',
    help: 'Confidence of the last index: sources used, known, stale and outlying.',
    labelNames: ['underlying', 'state'],
  },
  oracleMarkPrice: {
    name: 'clearing_oracle_mark_price_usd',
    help: 'Last published mark price per contract of the instrument, USD (settlement asset units).',
    labelNames: ['instrument'],
  },
  oracleMarkValid: {
    name: 'clearing_oracle_mark_valid',
    help: '1 while the last mark of the instrument is valid, 0 while invalid.',
    labelNames: ['instrument'],
  },
  oracleFundingRate: {
    name: 'clearing_oracle_funding_rate_per_period',
    help: 'Funding rate per funding period of the perpetual in its last mark (positive: longs pay shorts).',
    labelNames: ['instrument'],
  },
  marginInitialRequirement: {
    name: 'clearing_margin_initial_requirement_usd',
    help: 'Sum of IM over the accounts this instance margins, by method: standard - portfolio is what netting saves.',
    labelNames: ['method'],
  },
  marginJournalToMargin: {
    name: 'clearing_margin_journal_to_margin_seconds',
    help: 'From a journal event (a cleared fill, a deposit...) being written to the margin of its account being published and stored.',
    labelNames: [],
  },
  marginPublished: {
    name: 'clearing_margin_published_total',
    help: 'margin.v1 messages published, by cause (journal, mark) and health band.',
    labelNames: ['cause', 'band'],
  },
  marginMarkBatch: {
    name: 'clearing_margin_mark_batch_seconds',
    help: 'Re-margining the holders of one batch of marks (compute only).',
    labelNames: [],
  },
  marginAccounts: {
    name: 'clearing_margin_accounts',
    help: 'Accounts margined by this instance.',
    labelNames: [],
  },
  marginAccountsByBand: {
    name: 'clearing_margin_accounts_by_band',
    help: 'Priced accounts of this instance by health band of their last published margin (unpriced: no usable mark).',
    labelNames: ['band'],
  },
  marginSystem: {
    name: 'clearing_margin_system_usd',
    help: 'Sums over the accounts of this instance as last published: NLV, required IM and required MM, USD.',
    labelNames: ['figure'],
  },
  marginGreeks: {
    name: 'clearing_margin_greeks_usd',
    help: 'Sum over accounts of the USD Greeks per underlying: delta (USD), gamma (USD per 1% move), vega (USD per vol point).',
    labelNames: ['underlying', 'greek'],
  },
  marginOpenInterest: {
    name: 'clearing_margin_open_interest_contracts',
    help: 'Open interest per instrument: the long contracts held by the accounts of this instance.',
    labelNames: ['instrument'],
  },
  deleveragingCasesOpen: {
    name: 'clearing_deleveraging_cases_open',
    help: 'Liquidation cases open on this instance.',
    labelNames: [],
  },
  deleveragingCasesOpened: {
    name: 'clearing_deleveraging_cases_opened_total',
    help: 'Liquidation cases opened (an account fell below maintenance).',
    labelNames: [],
  },
  deleveragingSteps: {
    name: 'clearing_deleveraging_steps_total',
    help: 'Case steps, by action (liquidation, insurance-draw, adl, socialized-loss) and status (issued, booked).',
    labelNames: ['action', 'status'],
  },
  deleveragingSocializedLoss: {
    name: 'clearing_deleveraging_socialized_loss_usd_total',
    help: 'Losses nobody covered (booked socialized-loss steps), in the settlement asset, USD.',
    labelNames: [],
  },
  deleveragingStepsRefused: {
    name: 'clearing_deleveraging_step_commands_refused_total',
    help: 'Step commands the ledger refused (journaled as CommandRejected): each needs an operator.',
    labelNames: [],
  },
  deleveragingCasesClosed: {
    name: 'clearing_deleveraging_cases_closed_total',
    help: 'Cases closed, by outcome.',
    labelNames: ['outcome'],
  },
  deleveragingInsuranceFund: {
    name: 'clearing_deleveraging_insurance_fund_usd',
    help: 'Insurance fund balance of every shard (risk.summaries.v1), USD.',
    labelNames: [],
  },
  deleveragingCoverTwo: {
    name: 'clearing_deleveraging_cover_two_ratio',
    help: 'Cover 2: (insurance fund + CCP excess collateral) / stress losses of the two largest accounts (+Inf when none).',
    labelNames: [],
  },
  backstopMarginShortfall: {
    name: 'clearing_backstop_margin_shortfall_usd',
    help: "How far the backstop account's margin NLV is below its maintenance requirement (0 when covered), USD: what it must be funded with to carry the positions it took over. Set by the instance that owns the backstop's partition; alert on max() > 0.",
    labelNames: [],
  },
} as const;

/** Why a message went to the DLQ: a closed set, so the `reason` label cannot explode. */
export const DEAD_LETTER_REASONS = ['too-large', 'not-json', 'schema', 'empty', 'rejected'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** Latency buckets in seconds: 1 ms to 10 s, where batch processing times are expected to fall. */
export const BATCH_DURATION_BUCKETS_SECONDS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** Every name: what dashboards and alert rules may read (apps/cli/src/monitoring/monitoring.spec.ts). */
export const METRIC_NAMES: readonly string[] = [
  ...Object.values(METRICS),
  ...Object.values(DOMAIN_METRICS),
].map((metric) => metric.name);
