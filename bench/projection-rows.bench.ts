// CPU per fill of the aggregator projection's row writes, isolated from Kafka and from the
// aggregator's JavaScript: the CPU of the one Postgres backend doing the writes (/proc/<pid>/stat), so other
// work on a shared box barely moves it. Each batch is what the projection writes for `--fills-per-batch`
// fills (two FillCleared legs each, random accounts of `--accounts`): the sequence guard, journal index,
// fill legs, command outcomes, balances (the accounts plus the CCP and fee accounts) and positions, in one
// transaction, through libs/persistence writeRows and AccountSequenceGuard as the projector calls them.
// Run: npm run build && node dist/bench/projection-rows.bench.js [--batches 40] [--fills-per-batch 350]
//      [--accounts 10000] [--journal-key] (with fill_legs' former foreign key to journal_index put back)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EntityManager } from 'typeorm';
import { AccountSequenceGuard, Cell, projectionTables as tables, writeRows } from '@clearing/persistence';
import { DatabaseFixture } from '@clearing/testing';
import { MIGRATIONS } from '../migrations';

const { values: args } = parseArgs({
  options: {
    batches: { type: 'string', default: '40' },
    'fills-per-batch': { type: 'string', default: '350' },
    accounts: { type: 'string', default: '10000' },
    'journal-key': { type: 'boolean', default: false },
  },
});
const BATCHES = Number(args.batches);
const FILLS_PER_BATCH = Number(args['fills-per-batch']);
const ACCOUNTS = Number(args.accounts);
const GROUP = 'bench-projection';
const STEPS = [
  'guard',
  'journal_index',
  'fill_legs',
  'command_outcomes',
  'balances',
  'positions',
  'commit',
] as const;
type Step = (typeof STEPS)[number];
/** Per step: CPU ms of the Postgres backend, and of this process (building and sending the rows). */
type CpuMs = Record<Step, { postgres: number; node: number }>;

async function main(): Promise<void> {
  const database = new DatabaseFixture(MIGRATIONS);
  await database.open(args['journal-key'] ? [JOURNAL_KEY_DDL] : []);
  const runner = database.dataSource.createQueryRunner();
  try {
    await seed(runner.manager);
    await runner.connect();
    const backend = await backendCpu(runner.manager);
    const cpuMs = Object.fromEntries(STEPS.map((step) => [step, { postgres: 0, node: 0 }])) as CpuMs;
    const timed = async (step: Step, write: () => Promise<unknown>) => {
      const [before, nodeBefore] = [backend(), process.cpuUsage()];
      await write();
      const node = process.cpuUsage(nodeBefore);
      cpuMs[step].postgres += backend() - before;
      cpuMs[step].node += (node.user + node.system) / 1000;
    };
    const sequences = new Map<string, number>();
    for (let batch = 0; batch < BATCHES; batch++) {
      const legs = legsOf(batch, sequences);
      await runner.startTransaction();
      await writeBatch(runner.manager, legs, timed);
      await timed('commit', () => runner.commitTransaction());
    }
    report(cpuMs);
  } finally {
    await runner.release();
    await database.close();
  }
}

/** Every account already holds a deposit and has applied two journal events, as in the throughput bench. */
async function seed(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO balances SELECT 'acct-' || i, 'USDC', 1000000, 2 FROM generate_series(1, $1) i`,
    [ACCOUNTS],
  );
  await db.query(
    `INSERT INTO applied_account_sequence SELECT $1, 'acct-' || i, 2 FROM generate_series(1, $2) i`,
    [GROUP, ACCOUNTS],
  );
}

interface Leg {
  id: string;
  account: string;
  sequence: number;
  fillId: string;
  side: 'buy' | 'sell';
}

function legsOf(batch: number, sequences: Map<string, number>): Leg[] {
  const legs: Leg[] = [];
  for (let i = 0; i < FILLS_PER_BATCH * 2; i++) {
    const account = `acct-${1 + Math.floor(Math.random() * ACCOUNTS)}`;
    const sequence = (sequences.get(account) ?? 2) + 1;
    sequences.set(account, sequence);
    const fillId = `fill-${batch}-${i >> 1}`;
    legs.push({
      id: `ev-${account}-${sequence}-${'0'.repeat(40)}`,
      account,
      sequence,
      fillId,
      side: i % 2 ? 'sell' : 'buy',
    });
  }
  return legs;
}

async function writeBatch(
  tx: EntityManager,
  legs: Leg[],
  timed: (step: Step, write: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const at = new Date().toISOString();
  const guard = new AccountSequenceGuard(GROUP);
  await timed('guard', () =>
    guard.admit(
      tx,
      legs.map((l) => ({ account: l.account, sequence: BigInt(l.sequence) })),
    ),
  );
  await timed('journal_index', () =>
    writeRows(
      tx,
      tables.JOURNAL_INDEX,
      legs.map((l) => [l.id, l.account, l.sequence, 'FillCleared', at, 1, 1000, `cmd-${l.id}`]),
    ),
  );
  await timed('fill_legs', () =>
    writeRows(
      tx,
      tables.FILL_LEGS,
      legs.map((l) => [l.fillId, l.side, l.account, 'BTC-PERP', '0.0150', '60000.5', l.id]),
    ),
  );
  await timed('command_outcomes', () =>
    writeRows(
      tx,
      tables.COMMAND_OUTCOMES,
      legs.map((l) => [
        `cmd-${l.id}`,
        l.account,
        'booked',
        'FillCleared',
        l.sequence,
        1,
        1000,
        'f'.repeat(64),
        null,
        null,
        at,
      ]),
    ),
  );
  const accounts = [...new Map(legs.map((l) => [l.account, l])).values()];
  const balances: Cell[][] = accounts.map((l) => [l.account, 'USDC', '-0.250000', l.sequence]);
  balances.push(['CCP-1', 'USDC', '0.000000', 0], ['FEES-1', 'USDC', `${legs.length * 0.25}`, 0]);
  await timed('balances', () => writeRows(tx, tables.BALANCES, balances));
  await timed('positions', () =>
    writeRows(
      tx,
      tables.POSITIONS,
      accounts.map((l) => [l.account, 'BTC-PERP', '0.0150', '900.0075', '60000.5', '0', 'USDC', l.sequence]),
    ),
  );
}

/** CPU ms (user + system) of the transaction's backend so far. */
async function backendCpu(tx: EntityManager): Promise<() => number> {
  const [{ pid }] = await tx.query('SELECT pg_backend_pid() AS pid');
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
  };
}

function report(cpuMs: CpuMs): void {
  const fills = BATCHES * FILLS_PER_BATCH;
  const sum = (side: 'postgres' | 'node') =>
    Object.values(cpuMs).reduce((total, step) => total + step[side], 0);
  const perFill = (ms: number) => Math.round((ms * 1000) / fills);
  process.stdout.write(
    `${BATCHES} batches x ${FILLS_PER_BATCH} fills, ${ACCOUNTS} accounts` +
      `${args['journal-key'] ? ', fill_legs -> journal_index key' : ''}: CPU µs per fill\n`,
  );
  process.stdout.write('| step | Postgres backend | this process (pg client) |\n| --- | ---: | ---: |\n');
  for (const [step, ms] of Object.entries(cpuMs))
    process.stdout.write(`| ${step} | ${perFill(ms.postgres)} | ${perFill(ms.node)} |\n`);
  process.stdout.write(`| **total** | **${perFill(sum('postgres'))}** | **${perFill(sum('node'))}** |\n`);
}

const JOURNAL_KEY_DDL =
  'ALTER TABLE fill_legs ADD CONSTRAINT fill_legs_event_id_fkey FOREIGN KEY (event_id) REFERENCES journal_index (event_id)';

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
