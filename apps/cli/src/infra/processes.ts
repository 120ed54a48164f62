import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface CommandResult {
  readonly code: number;
  readonly output: string;
}

/** Runs a command to completion and returns its exit code and combined output (never throws on exit != 0). */
export function runCommand(file: string, args: readonly string[], cwd?: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      const spawnError = error && typeof error.code !== 'number' ? `${error.message}\n` : '';
      resolve({ code, output: `${spawnError}${stdout}${stderr}` });
    });
  });
}

/**
 * Starts a process in its own session with output appended to `logFile`, and lets go of it: it outlives the
 * CLI, which is the point of `infra up`.
 */
export function spawnDetached(file: string, args: readonly string[], logFile: string, cwd: string): number {
  const logFd = openSync(logFile, 'a');
  try {
    const child = spawn(file, args, { cwd, detached: true, stdio: ['ignore', logFd, logFd] });
    if (child.pid === undefined) throw new Error(`could not start ${file}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(logFd);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A child of a long-lived parent that exited but was not reaped still answers kill(0): it is not running. */
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The command line of a process, so a pid file left behind is never trusted for a pid since reused. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

export function readPidFile(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function writePidFile(pidFile: string, pid: number): void {
  writeFileSync(pidFile, `${pid}\n`);
}

/** SIGTERM, then up to `graceMs` for a clean shutdown, then SIGKILL. Resolves once the process is gone. */
export async function terminate(pid: number, graceMs: number): Promise<'stopped' | 'killed'> {
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  await killNow(pid);
  return 'killed';
}

/** SIGKILL with no grace (a crash, not a shutdown); resolves once the process is gone. */
export async function killNow(pid: number): Promise<void> {
  signal(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Whether anything accepts TCP connections at host:port (it may still not speak the expected protocol). */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The last lines of a log, to put the cause of a failed start right in the error message. */
export function tailOf(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(-lines - 1)
    .join('\n');
}
