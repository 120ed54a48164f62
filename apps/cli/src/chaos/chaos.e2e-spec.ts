import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  AcknowledgedLoad,
  faultSchedule,
  fillStream,
  runFaultSchedule,
  runUpstreamLoad,
} from '@clearing/testing';
import { loadInstrumentFile } from '@clearing/contracts';
import { infraPaths } from '../infra/paths';
import { chaosSettings } from './chaos-settings';
import { ChaosSystem } from './chaos-system';

const SETTINGS = chaosSettings();
const { seed: SEED } = SETTINGS;
const ACCOUNT_PREFIX = 'acc-';
const ACCOUNTS = Array.from({ length: SETTINGS.accounts }, (_, i) => `${ACCOUNT_PREFIX}${i}`);
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
const RUN = `${SEED}-${Date.now().toString(36)}`;
const LOG_DIR = path.join(infraPaths().repoRoot, '.infra', 'chaos-logs', RUN);
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const size = SETTINGS.long ? 'long' : 'CI';
describe(`clearing under chaos: services, broker and Postgres killed under load (seed ${SEED}, ${size})`, () => {
  let system: ChaosSystem | undefined;
  let passed = false;

  before(async () => {
    mkdirSync(LOG_DIR, { recursive: true });
    system = await ChaosSystem.start(LOG_DIR, ACCOUNTS, say);
  });

  after(async () => {
    await system?.stop(LOG_DIR, passed);
    if (passed) rmSync(LOG_DIR, { recursive: true, force: true });
    else say(`  logs kept in ${LOG_DIR}`);
  });

  const timeout = SETTINGS.loadDurationMs + SETTINGS.settleTimeoutMs + 300_000;
  it('loses nothing, doubles nothing, verifies and replays after every fault', { timeout }, async () => {
    // Given funded accounts and a seeded schedule of faults
    const chaos = system!;
    const ack = new AcknowledgedLoad();
    await chaos.fund(ack, ACCOUNTS, INITIAL_USDC, SEED);
    const services = chaos.supervisor.names();
    const schedule = faultSchedule(SEED, { services, ...SETTINGS.faults }, SETTINGS.loadDurationMs);

    // When fills, quotes, deposits and withdrawals flow while the faults are injected
    const load = runUpstreamLoad(
      {
        publisher: chaos.publisher,
        topics: chaos.topics,
        marginUrl: chaos.supervisor.urlOf('margin-calculator'),
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
    await Promise.all([load, runFaultSchedule(schedule, (fault) => chaos.inject(fault), say)]);
    say(`  acknowledged: ${ack.summary()}; ${chaos.publisher.retries} sends retried`);

    // Then the system recovers alone, and what it booked is exactly what was acknowledged
    const findings = await chaos.findings(ack, INSTRUMENTS, ACCOUNT_PREFIX);
    for (const name of services) {
      const { exits, livenessKills } = chaos.supervisor.history(name);
      say(`  ${name}: exits [${exits.join(', ')}], liveness kills ${livenessKills}`);
    }
    assert.deepEqual(findings, [], `seed ${SEED}:\n${findings.join('\n')}`);
    passed = true;
  });
});
