import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CrashPlan,
  DeleveragingFixture,
  ENGINE_MAIN,
  eventually,
  gapScenario,
  runUntilCrash,
  TEST_ENGINE_ENV,
} from '@clearing/testing';

const { ACCOUNTS, gapTo, openLongsAt60000 } = gapScenario;

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);

/**
 * Killed between recording a step and sending it, between sending it and seeing it booked, and at a
 * random instant; each life restarts from Postgres and the journal.
 */
const LIVES: CrashPlan[] = [
  { failpoint: 'deleveraging.step-recorded', hit: 2 },
  { failpoint: 'deleveraging.step-issued', hit: 1 },
  // A restarted engine needs ~7 s to rejoin its group (the dead member's session expires): kill after that.
  { killAfterMs: 5_000 + ((SEED * 7_919) % 4_000) },
];

const system = new DeleveragingFixture();

describe(`deleveraging engine under kill -9 in the middle of its cases (seed ${SEED})`, () => {
  before(async () => {
    await system.open(ACCOUNTS);
    await system.startAll();
  });
  after(() => system.close());

  it('books every step exactly once, completes every case, and clearing verify passes', async () => {
    await openLongsAt60000(system);
    await gapTo(system, '50000');
    const env = {
      CLEARING_TOPIC_NAMESPACE: system.namespace,
      DATABASE_SCHEMA: system.database.schema,
      HTTP_PORT: '0',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
      ...TEST_ENGINE_ENV,
    };
    for (const plan of LIVES) {
      await runUntilCrash(ENGINE_MAIN, env, plan, 20_000);
      console.log(`  killed: ${JSON.stringify(plan)}, steps recorded so far: ${await stepCount()}`);
    }
    await system.startEngine();
    const closed = await eventually(async () => {
      const rows = await system.query<{ account_id: string; outcome: string }>(
        `SELECT account_id, outcome FROM liquidation_cases WHERE closed_at IS NOT NULL ORDER BY account_id`,
      );
      return rows.length === 3 ? rows : undefined;
    }, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${system.engineLog()}`);
    });
    assert.deepEqual(
      closed.map((r) => [r.account_id, r.outcome]),
      [
        ['alice', 'restored'],
        ['carol', 'insurance-fund'],
        ['dave', 'adl'],
      ],
    );
    await assertEveryStepBookedOnce();
    assert.ok(await system.verifies(), 'clearing verify: every asset sums to zero');
  });
});

async function stepCount(): Promise<number> {
  const [{ n }] = await system.query<{ n: number }>('SELECT count(*)::int AS n FROM liquidation_steps');
  return n;
}

/** Every ledger command of every recorded step: one journal event caused by it, no more, no less. */
async function assertEveryStepBookedOnce(): Promise<void> {
  const steps = await system.query<{
    booked_at: Date | null;
    commands: { commandId: string; type: string }[];
  }>('SELECT booked_at, commands FROM liquidation_steps');
  assert.ok(
    steps.every((s) => s.booked_at !== null),
    'every step confirmed',
  );
  const journal = await system.journal();
  const ids = steps.flatMap((s) => s.commands).filter((c) => c.type !== 'SocializeLoss');
  assert.ok(ids.length >= 8, `${ids.length} step commands`);
  for (const { commandId } of ids)
    assert.equal(journal.filter((e) => e.causationId === commandId).length, 1, `command ${commandId}`);
  const rejected = journal.filter((e) => e.type === 'CommandRejected');
  assert.deepEqual(rejected, [], 'no step refused');
}
