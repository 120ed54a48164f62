import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { logLevel } from 'kafkajs';
import { topicsFor } from '@clearing/contracts';
import { createKafka } from '@clearing/kafka';
import { createDataSource } from '@clearing/persistence';
import {
  AcknowledgedLoad,
  awaitAllOk,
  awaitAccountsOpen,
  depositMessage,
  Fault,
  openAccounts,
  ResilientPublisher,
  ServiceSupervisor,
  StreamInstrument,
} from '@clearing/testing';
import { bookFindings, fillFindings, replayFindings, verifyFindings } from './chaos-checks';
import { chaosServices } from './chaos-services';
import {
  PrivateInfra,
  restartBroker,
  restartPostgres,
  startPrivateInfra,
  stopPrivateInfra,
} from './private-infra';
import { awaitQuietLedger } from './settled-system';

const READY_TIMEOUT_MS = 180_000;
/** Nothing moved for this long: the services have caught up (a session times out in 6 s). */
const QUIET_MS = 15_000;

/** The whole clearing system on private infra under a supervisor: what the chaos spec drives and checks. */
export class ChaosSystem {
  readonly topics = topicsFor();
  readonly publisher: ResilientPublisher;

  private constructor(
    readonly infra: PrivateInfra,
    readonly supervisor: ServiceSupervisor,
  ) {
    this.publisher = new ResilientPublisher(this.kafka());
  }

  /** Private broker and Postgres, the five services supervised, `accounts` onboarded; resolves when ready. */
  static async start(logDir: string, accounts: readonly string[], say: (line: string) => void) {
    const infra = await startPrivateInfra(say);
    const supervisor = new ServiceSupervisor({
      logDir,
      restartDelayMs: 1_000,
      livenessPeriodMs: 2_000,
      livenessFailureThreshold: 3,
      livenessInitialDelayMs: 15_000,
    });
    const system = new ChaosSystem(infra, supervisor);
    try {
      for (const service of await chaosServices(infra.endpoints)) supervisor.start(service);
      await awaitAllOk(system.readyUrls(), READY_TIMEOUT_MS);
      await system.onboard(accounts);
    } catch (error) {
      await system.stop(logDir, false);
      throw error;
    }
    return system;
  }

  kafka() {
    const brokers = this.infra.endpoints.kafkaBrokers;
    return createKafka({ clientId: 'chaos-upstream', brokers, level: logLevel.NOTHING });
  }

  readyUrls(): string[] {
    return this.supervisor.names().map((name) => `${this.supervisor.urlOf(name)}/health/ready`);
  }

  /** Publishes one deposit per account as operations would, and records each as acknowledged. */
  async fund(ack: AcknowledgedLoad, accounts: readonly string[], amount: string, seed: number) {
    const deposits = accounts.map((account) => ({ commandId: `chaos-${seed}-init-${account}`, account }));
    const messages = deposits.map((d) => depositMessage(d.account, amount, 'USDC', d.commandId));
    await this.publisher.publish(this.topics.ledgerCommands, messages);
    for (const d of deposits) ack.deposits.set(d.commandId, { ...d, amount });
  }

  async inject(fault: Fault): Promise<void> {
    if (fault.kind === 'kill-service') this.supervisor.kill(fault.service, 'SIGKILL');
    else if (fault.kind === 'restart-broker') await restartBroker(this.infra, fault.signal);
    else await restartPostgres(this.infra, fault.mode);
  }

  /** After the storm: ready, quiet, verify, replay, and the independent fold; every failure is collected. */
  async findings(ack: AcknowledgedLoad, instruments: readonly StreamInstrument[], accountPrefix: string) {
    const findings: string[] = [];
    const note = (label: string) => (error: Error) => void findings.push(`${label}: ${error.message}`);
    const ports = this.supervisor.names().map((name) => `${name} ${this.supervisor.urlOf(name)}`);
    await awaitAllOk(this.readyUrls(), READY_TIMEOUT_MS).catch(note(`readiness (${ports.join(', ')})`));
    const client = this.kafka();
    const { databaseUrl, kafkaBrokers } = this.infra.endpoints;
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 2, applicationName: 'chaos' });
    await dataSource.initialize();
    try {
      await awaitQuietLedger(client, dataSource, this.topics, QUIET_MS, READY_TIMEOUT_MS).catch(
        note('settling'),
      );
      const endpoints = { databaseUrl, kafkaBrokers };
      findings.push(...(await verifyFindings(endpoints)), ...(await replayFindings(endpoints)));
      findings.push(...(await fillFindings(client, dataSource, this.topics, ack)));
      const books = await bookFindings(client, dataSource, this.topics, ack, instruments, accountPrefix);
      findings.push(...books);
    } finally {
      await dataSource.destroy();
    }
    return findings;
  }

  /** Kills every process and removes the private data; on failure the infra logs join the services'. */
  async stop(logDir: string, passed: boolean): Promise<void> {
    await this.supervisor.stopAll();
    await this.publisher.close();
    if (!passed) {
      const { kafkaState, postgresState } = this.infra.paths;
      for (const file of [path.join(kafkaState, 'kafka.log'), path.join(postgresState, 'postgres.log')])
        if (existsSync(file)) cpSync(file, path.join(logDir, path.basename(file)));
    }
    await stopPrivateInfra(this.infra);
  }

  /** Journaled OpenAccount commands, as in production; resolves once the intake sees them all. */
  private async onboard(accounts: readonly string[]): Promise<void> {
    await openAccounts({ kafka: this.kafka(), topic: this.topics.ledgerCommands }, accounts);
    const { databaseUrl } = this.infra.endpoints;
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 1, applicationName: 'chaos' });
    await dataSource.initialize();
    try {
      await awaitAccountsOpen(dataSource, accounts, READY_TIMEOUT_MS);
    } finally {
      await dataSource.destroy();
    }
  }
}
