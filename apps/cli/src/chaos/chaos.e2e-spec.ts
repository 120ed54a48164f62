import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { logLevel } from 'kafkajs';
import { topicsFor } from '@clearing/contracts';
import { createKafka } from '@clearing/kafka';
import { createDataSource } from '@clearing/persistence';
import {
  AcknowledgedLoad,
  awaitAllOk,
  depositMessage,
  Fault,
  faultSchedule,
  fillStream,
  ResilientPublisher,
  runFaultSchedule,
  runUpstreamLoad,
  ServiceSupervisor,
} from '@clearing/testing';
import { loadInstrumentFile } from '../../../position-aggregator/src/intake/instrument-catalog';
import { infraPaths } from '../infra/paths';
import { bookFindings, fillFindings, replayFindings, verifyFindings } from './chaos-checks';
import { chaosServices } from './chaos-services';
import { chaosSettings } from './chaos-settings';
import {
  PrivateInfra,
  restartBroker,
  restartPostgres,
  startPrivateInfra,
  stopPrivateInfra,
} from './private-infra';
import { awaitQuietLedger } from './settled-system';

const SETTINGS = chaosSettings();
const { seed: SEED } = SETTINGS;
const TOPICS = topicsFor();
const ACCOUNT_PREFIX = 'acc-';
const ACCOUNTS = Array.from(
  { length: SETTINGS.accounts },
  (_, i) => `${ACCOUNT_PREFIX}${String(i).padStart(3, '0')}`,
);
const INITIAL_USDC = '1000000';
const INSTRUMENTS = loadInstrumentFile().filter((i) =>
  ['BTC-PERP', 'ETH-PERP', 'BTC-25DEC26-100000-C'].includes(i.symbol),
);
const STREAM = fillStream({
  seed: SEED,
  accounts: ACCOUNTS,
  instruments: INSTRUMENTS,
  fillCount: SETTINGS.fillCount,
  duplicateRate: 0.01,
});
const LOG_DIR = path.join(
  infraPaths().repoRoot,
  '.infra',
  'chaos-logs',
  `${SEED}-${Date.now().toString(36)}`,
);
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const size = SETTINGS.long ? 'long' : 'CI';
describe(`clearing under chaos: services, broker and Postgres killed under load (seed ${SEED}, ${size})`, () => {
  let infra: PrivateInfra | undefined;
  let supervisor: ServiceSupervisor | undefined;
  let publisher: ResilientPublisher | undefined;
  let passed = false;
  const kafka = () =>
    createKafka({
      clientId: 'chaos-upstream',
      brokers: infra!.endpoints.kafkaBrokers,
      level: logLevel.NOTHING,
    });

  before(async () => {
    mkdirSync(LOG_DIR, { recursive: true });
    infra = await startPrivateInfra(say);
    supervisor = new ServiceSupervisor({
      logDir: LOG_DIR,
      restartDelayMs: 1_000,
      livenessPeriodMs: 2_000,
      livenessFailureThreshold: 3,
      livenessInitialDelayMs: 15_000,
    });
    for (const service of await chaosServices(infra.endpoints)) supervisor.start(service);
    await onboard(infra.endpoints.databaseUrl);
    await awaitAllOk(readyUrls(supervisor), 120_000);
    publisher = new ResilientPublisher(kafka());
  });

  after(async () => {
    await supervisor?.stopAll();
    await publisher?.close();
    if (infra !== undefined) {
      if (!passed) keepInfraLogs(infra);
      await stopPrivateInfra(infra);
    }
    if (passed) rmSync(LOG_DIR, { recursive: true, force: true });
    else say(`  logs kept in ${LOG_DIR}`);
  });

  const timeout = SETTINGS.loadDurationMs + SETTINGS.settleTimeoutMs + 300_000;
  it('loses nothing, doubles nothing, verifies and replays after every fault', { timeout }, async () => {
    // Given funded accounts and a seeded schedule of faults
    const ack = new AcknowledgedLoad();
    await fund(ack);
    const schedule = faultSchedule(
      SEED,
      { services: supervisor!.names(), ...SETTINGS.faults },
      SETTINGS.loadDurationMs,
    );

    // When fills, quotes, deposits and withdrawals flow while the faults are injected
    await Promise.all([runLoad(ack), runFaultSchedule(schedule, injectFault, say)]);
    say(`  acknowledged: ${ack.summary()}; ${publisher!.retries} sends retried`);

    // Then the system recovers alone, and what it booked is exactly what was acknowledged
    const findings = await settledFindings(ack);
    for (const name of supervisor!.names()) {
      const history = supervisor!.history(name);
      say(`  ${name}: exits [${history.exits.join(', ')}], liveness kills ${history.livenessKills}`);
    }
    assert.deepEqual(findings, [], `seed ${SEED}:\n${findings.join('\n')}`);
    passed = true;
  });

  function readyUrls(services: ServiceSupervisor): string[] {
    return services.names().map((name) => `${services.urlOf(name)}/health/ready`);
  }

  async function onboard(databaseUrl: string): Promise<void> {
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 1, applicationName: 'chaos' });
    await dataSource.initialize();
    try {
      await dataSource.query('INSERT INTO accounts (account_id) SELECT unnest($1::text[])', [ACCOUNTS]);
    } finally {
      await dataSource.destroy();
    }
  }

  async function fund(ack: AcknowledgedLoad): Promise<void> {
    const deposits = ACCOUNTS.map((account) => ({ commandId: `chaos-${SEED}-init-${account}`, account }));
    await publisher!.publish(
      TOPICS.ledgerCommands,
      deposits.map((d) => depositMessage(d.account, INITIAL_USDC, 'USDC', d.commandId)),
    );
    for (const d of deposits) ack.deposits.set(d.commandId, { ...d, amount: INITIAL_USDC });
  }

  function runLoad(ack: AcknowledgedLoad): Promise<void> {
    return runUpstreamLoad(
      {
        publisher: publisher!,
        topics: TOPICS,
        marginUrl: supervisor!.urlOf('margin-calculator'),
        seed: SEED,
        accounts: ACCOUNTS,
        stream: STREAM,
        durationMs: SETTINGS.loadDurationMs,
        fillChunk: SETTINGS.fillChunk,
        quoteEveryMs: 1_000,
        cashEveryMs: 500,
        republishDeposits: SETTINGS.republishDeposits,
      },
      ack,
    );
  }

  async function injectFault(fault: Fault): Promise<void> {
    if (fault.kind === 'kill-service') supervisor!.kill(fault.service, 'SIGKILL');
    else if (fault.kind === 'restart-broker') await restartBroker(infra!, fault.signal);
    else await restartPostgres(infra!, fault.mode);
  }

  /** After the storm: ready, quiet, verify, replay, and the independent fold; every failure is collected. */
  async function settledFindings(ack: AcknowledgedLoad): Promise<string[]> {
    const findings: string[] = [];
    await awaitAllOk(readyUrls(supervisor!), 180_000).catch((error: Error) =>
      findings.push(`readiness: ${error.message}`),
    );
    const client = kafka();
    const dataSource = createDataSource({
      url: infra!.endpoints.databaseUrl,
      poolSize: 2,
      applicationName: 'chaos',
    });
    await dataSource.initialize();
    try {
      await awaitQuietLedger(client, dataSource, TOPICS, 15_000, SETTINGS.settleTimeoutMs).catch(
        (error: Error) => findings.push(`settling: ${error.message}`),
      );
      findings.push(...(await verifyFindings(infra!.endpoints)));
      findings.push(...(await replayFindings(infra!.endpoints)));
      findings.push(...(await fillFindings(client, dataSource, TOPICS, ack)));
      findings.push(...(await bookFindings(client, dataSource, TOPICS, ack, INSTRUMENTS, ACCOUNT_PREFIX)));
    } finally {
      await dataSource.destroy();
    }
    return findings;
  }
});

/** The broker's and Postgres' own logs go next to the services' when the run failed. */
function keepInfraLogs(infra: PrivateInfra): void {
  for (const file of [
    path.join(infra.paths.kafkaState, 'kafka.log'),
    path.join(infra.paths.postgresState, 'postgres.log'),
  ])
    if (existsSync(file)) cpSync(file, path.join(LOG_DIR, path.basename(file)));
}
