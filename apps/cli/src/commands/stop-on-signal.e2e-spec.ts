import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AggregatorFixture, eventually } from '@clearing/testing';

// Issue 14: a Ctrl-C before the demo's scenario ended left five orphaned service processes.
const ROOT = path.resolve(__dirname, '../../../../..');
const CLI = path.join(ROOT, 'apps/cli/bin/clearing.js');
const isolated = new AggregatorFixture();

/** Every live process below `rootPid` (children, grandchildren...), from /proc. */
function descendantsOf(rootPid: number): { pid: number; cmd: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited while listing
    }
  }
  const below = (pid: number): number[] =>
    [...parentOf].filter(([, ppid]) => ppid === pid).flatMap(([child]) => [child, ...below(child)]);
  return below(rootPid).map((pid) => ({ pid, cmd: commandLineOf(pid) }));
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

const alive = (pid: number) => commandLineOf(pid) !== '';

/** The CLI (through `how`) on the fixture's own topics and schema, every service on a free port. */
function startCli(how: 'node' | 'npm'): ChildProcess {
  const [command, args] =
    how === 'node'
      ? [process.execPath, [CLI, 'start']]
      : ['npm', ['exec', '--offline', '--', 'clearing', 'start']];
  return spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CLEARING_TOPIC_NAMESPACE: isolated.namespace,
      DATABASE_SCHEMA: isolated.database.schema,
      HTTP_PORT: '0',
    },
  });
}

/**
 * Waits until the CLI has started service processes (start-up under way), then signals the CLI's own
 * process only, as `kill`, a supervisor or CI cancelling a job does (a terminal's Ctrl-C also reaches
 * the children of a non-detached spawn, which hid the orphans).
 */
async function interruptDuringStartUp(cli: ChildProcess, signal: NodeJS.Signals): Promise<number[]> {
  let output = '';
  cli.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const services = await eventually(async () => {
    const found = descendantsOf(cli.pid!).filter((p) => p.cmd.includes('/dist/apps/'));
    return found.length > 0 ? found : undefined;
  }, 90_000);
  assert.doesNotMatch(output, /press Ctrl-C/, 'still starting up when interrupted');
  const exited = once(cli, 'exit');
  process.kill(cli.pid!, signal);
  await exited;
  return services.map((s) => s.pid);
}

describe('clearing start: a stop signal during start-up leaves no child process behind', () => {
  before(() => isolated.open([]));
  after(() => isolated.close());

  it('given `clearing start` spawning the five services, when SIGINT reaches it, then every service process has exited with it (before: five orphans)', async () => {
    const cli = startCli('node');
    const pids = await interruptDuringStartUp(cli, 'SIGINT');
    assert.ok(pids.length >= 1);
    assert.deepEqual(pids.filter(alive), []);
    assert.equal(cli.exitCode, 130, 'exit status of a process ended by SIGINT');
  });

  it('given `npm exec clearing start` (npm and npx run it this way), when npm gets SIGTERM, then no service survives', async () => {
    const cli = startCli('npm');
    const pids = await interruptDuringStartUp(cli, 'SIGTERM');
    assert.ok(pids.length >= 1);
    // npm may return before the CLI has drained its services; none may outlive that drain.
    await eventually(async () => (pids.filter(alive).length === 0 ? true : undefined), 30_000).catch(() =>
      assert.deepEqual(pids.filter(alive).map(commandLineOf), [], 'orphaned service processes'),
    );
  });
});
