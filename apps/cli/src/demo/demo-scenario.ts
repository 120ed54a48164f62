import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PROJECTION_GROUP, TOPICS } from '@clearing/contracts';
import { createKafka } from '@clearing/kafka';
import { createDataSource } from '@clearing/persistence';
import { setTimeout as sleep } from 'node:timers/promises';
import { awaitAccountsOpen, openAccounts, publishRaw, verifyWhenCaughtUp } from '@clearing/testing';
import { InfraEndpoints } from '../infra';
import { formatReport } from '../verify/report';
import {
  clearedFills,
  DemoReport,
  figuresFromMetrics,
  marginFigures,
  nettingOverRun,
  sumUsd,
} from './demo-report';
import { fundBalances, topUpInsuranceFunds } from './insurance-funds';
import { allAccounts, castOf, depositsOf, fillRound, leveragedFills, MarketCast } from './market';
import { scrapeAll, total } from './metrics-scrape';
import { CRASH_AT, fundingPrelude, indexAt, oracleRound } from './price-path';

export interface DemoOptions {
  readonly accounts: number;
  readonly minutes: number;
  readonly serviceUrls: readonly string[];
  /** Phase lines (text mode) or nothing (--json). */
  readonly say: (line: string) => void;
  /** Called about once a second with the figures a live view shows. */
  readonly onTick?: (tick: LiveFigures) => void;
}

export interface LiveFigures {
  readonly published: number;
  readonly cleared: number;
  readonly samples: Awaited<ReturnType<typeof scrapeAll>>;
}

/** Each matching-engine round is a second apart; fills spread over the rounds before the crash. */
const ROUND_MS = 1_000;
const FILLS_PER_TAKER = 3;
/** After the last round: how long fills and liquidation cases may take to settle before the report. */
const SETTLE_TIMEOUT_MS = 180_000;

interface Run {
  readonly kafka: Kafka;
  readonly db: DataSource;
  readonly cast: MarketCast;
  readonly options: DemoOptions;
  published: number;
  /** When the run began: netting cycles closed since are the run's. */
  readonly startedMs: number;
  /** When the first fill was published: throughput counts from here. */
  firstFillMs?: number;
  insuranceBeforeUsd?: string;
}

/**
 * The live market: accounts onboarded and funded (USDC, stETH, the makers' BTC and ETH), price feeds
 * ticking each second (one stale, one outlying), the matching engine's fills spread over the first part
 * of the run, a funding period, then the crash; the report once fills are cleared and every liquidation
 * case closed. Everything goes through Kafka, as upstream systems would send it.
 */
export async function runMarketDemo(endpoints: InfraEndpoints, options: DemoOptions): Promise<DemoReport> {
  const kafka = createKafka({
    clientId: 'clearing-demo',
    brokers: endpoints.kafkaBrokers,
    level: logLevel.NOTHING,
  });
  const db = createDataSource({
    url: endpoints.databaseUrl,
    poolSize: 2,
    applicationName: 'clearing-demo',
    schema: process.env.DATABASE_SCHEMA,
  });
  await db.initialize();
  try {
    const run: Run = {
      kafka,
      db,
      cast: castOf(options.accounts, Date.now().toString(36)),
      options,
      published: 0,
      startedMs: Date.now(),
    };
    await setUp(run);
    await trade(run);
    const clearingSeconds = await settle(run);
    return await report(run, clearingSeconds);
  } finally {
    await db.destroy();
  }
}

async function setUp(run: Run): Promise<void> {
  const { kafka, db, cast, options } = run;
  const accounts = [...allAccounts(cast), 'BACKSTOP'];
  options.say(`demo: opening ${accounts.length} accounts with journaled OpenAccount commands`);
  await openAccounts({ kafka, topic: TOPICS.ledgerCommands, issuedAt: new Date().toISOString() }, accounts);
  await awaitAccountsOpen(db, accounts, 120_000);
  options.say(
    'demo: deposits (USDC, stETH liquid-staking collateral, the makers’ BTC and ETH); insurance funds to 5,000 USDC',
  );
  await publishRaw(kafka, TOPICS.ledgerCommands, depositsOf(cast));
  await topUpInsuranceFunds(kafka, db, TOPICS.ledgerCommands, cast.run);
  options.say(
    'demo: price feeds from five sources (bitfinex stale, okx an outlier), Lido’s stETH rate, implied vols',
  );
  await publishRaw(kafka, TOPICS.oraclePrices, fundingPrelude(Date.now()));
  run.firstFillMs = Date.now();
  await publishRaw(kafka, TOPICS.fills, leveragedFills(cast));
  run.published += Object.keys(cast.leveraged).length;
}

/** One round a second for the run's minutes: prices, then fills (until the crash), then live figures. */
async function trade(run: Run): Promise<void> {
  const { kafka, cast, options } = run;
  const rounds = Math.max(10, Math.round((options.minutes * 60_000) / ROUND_MS));
  const fillRounds = Math.max(1, Math.floor(rounds * CRASH_AT));
  const fillsPerRound = Math.ceil((cast.takers.length * FILLS_PER_TAKER) / fillRounds);
  options.say(
    `demo: ${rounds} one-second rounds; ${fillsPerRound * fillRounds} fills, then BTC and ETH gap 16.7 % down`,
  );
  for (let round = 0; round < rounds; round++) {
    const roundStartMs = Date.now();
    const index = indexAt(round / rounds);
    if (round === fillRounds)
      run.insuranceBeforeUsd = await sumUsd(run.db, [...(await fundBalances(run.db)).values()]);
    await publishRaw(kafka, TOPICS.oraclePrices, oracleRound(index, Date.now()));
    if (round < fillRounds) {
      const fills = fillRound(cast, index, run.published, fillsPerRound);
      // A matching engine's retry (the first fill again) and a malformed record: both refused, once each.
      const hostile = round === 0 ? [fills[0], { key: 'BTC-PERP', value: '{"fillId": 42}' }] : [];
      await publishRaw(kafka, TOPICS.fills, [...fills, ...hostile]);
      run.published += fills.length;
    }
    if (round === fillRounds) options.say('demo: the crash: BTC 60,000 -> 50,000, ETH 3,000 -> 2,500');
    await live(run);
    await sleep(Math.max(0, ROUND_MS - (Date.now() - roundStartMs)));
  }
}

async function live(run: Run): Promise<LiveFigures> {
  const figures = {
    published: run.published,
    cleared: await clearedFills(run.db, run.cast.run),
    samples: await scrapeAll(run.options.serviceUrls),
  };
  run.options.onTick?.(figures);
  return figures;
}

/** Waits for every fill cleared and every liquidation case closed; the seconds clearing took. */
async function settle(run: Run): Promise<number> {
  const deadlineMs = Date.now() + SETTLE_TIMEOUT_MS;
  let clearedAtMs: number | undefined;
  for (;;) {
    const { cleared, samples } = await live(run);
    if (cleared >= run.published) clearedAtMs ??= Date.now();
    const open = total(samples, 'clearing_deleveraging_cases_open');
    if ((clearedAtMs !== undefined && open === 0) || Date.now() >= deadlineMs)
      return ((clearedAtMs ?? Date.now()) - (run.firstFillMs ?? run.startedMs)) / 1000;
    await sleep(ROUND_MS);
  }
}

async function report(run: Run, clearingSeconds: number): Promise<DemoReport> {
  const { db, cast, kafka, options } = run;
  const samples = await scrapeAll(options.serviceUrls);
  const metrics = figuresFromMetrics(samples);
  const cleared = await clearedFills(db, cast.run);
  const verify = await verifyWhenCaughtUp({
    kafka,
    topic: TOPICS.ledgerJournal,
    dataSource: db,
    consumerGroup: PROJECTION_GROUP,
  });
  return {
    run: cast.run,
    accounts: allAccounts(cast).length,
    fills: { published: run.published, cleared, rejectedByReason: metrics.rejectedFills },
    oracle: { rejectedByReason: metrics.oracleRejected },
    fundingSettlements: metrics.fundingSettlements,
    nettingEfficiency: await nettingOverRun(db, kafka, run.startedMs),
    ...(await marginFigures(db, allAccounts(cast))),
    liquidations: metrics.liquidations,
    insuranceFund: {
      beforeUsd: run.insuranceBeforeUsd ?? '0',
      afterUsd: await sumUsd(db, [...(await fundBalances(db)).values()]),
      draws: metrics.insuranceDraws,
    },
    adlEvents: metrics.adlEvents,
    throughput: { fillsPerSecond: Math.round(cleared / Math.max(clearingSeconds, 1)), clearingSeconds },
    latencyMs: metrics.latencyMs,
    verify: { ok: verify.ok, text: formatReport(verify).trimEnd() },
  };
}
