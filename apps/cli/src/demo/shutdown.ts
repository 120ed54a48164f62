import { ChildProcess } from 'node:child_process';

/** The signals that end a demo: Ctrl-C (SIGINT), a terminal closing (SIGHUP), npm/npx/CI stopping it (SIGTERM). */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long a service may drain its consumers after SIGTERM before its process group is killed. */
const DRAIN_GRACE_MS = 15_000;
/** How often to look whether the parent is gone (npm exec's shell dies on SIGTERM without passing it on). */
const PARENT_CHECK_MS = 500;

/**
 * Owns every process a command started. Children run in their own process group (spawned detached), so a
 * terminal's Ctrl-C reaches only this process, which then stops them in order: SIGTERM to each group (a
 * service drains its consumers), SIGKILL to the groups still alive after a grace. The handlers are
 * installed before anything starts, so a signal during infra start-up or service start-up stops what
 * exists at that moment and then exits; nothing is left orphaned, also when the parent (npm, npx, a
 * shell) goes away without passing the signal on.
 */
export class Shutdown {
  private readonly children = new Set<ChildProcess>();
  private signalled?: NodeJS.Signals;
  private readonly signalWaiters: ((signal: NodeJS.Signals) => void)[] = [];
  private readonly onSignal = (signal: NodeJS.Signals) => void this.stopAndExit(signal);

  private readonly parentWatch: NodeJS.Timeout;

  constructor(private readonly say: (line: string) => void) {
    for (const signal of STOP_SIGNALS) process.on(signal, this.onSignal);
    // Started through `npm exec`/`npx`, a SIGTERM to npm ends npm and its shell but never reaches this
    // process, which is re-parented: that counts as a hang-up, as a closed terminal would.
    const parentPid = process.ppid;
    this.parentWatch = setInterval(() => {
      if (process.ppid !== parentPid) this.onSignal('SIGHUP');
    }, PARENT_CHECK_MS).unref();
  }

  /** A started child; if a signal already came, it is stopped at once. */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    if (this.signalled) killGroup(child, 'SIGTERM');
  }

  get stopping(): boolean {
    return this.signalled !== undefined;
  }

  /** Resolves with the first stop signal (interactive mode waits here with the services running). */
  nextSignal(): Promise<NodeJS.Signals> {
    return new Promise((resolve) => this.signalWaiters.push(resolve));
  }

  /** Stops every tracked child group: SIGTERM, then SIGKILL after the grace; resolves when all exited. */
  async stopAll(): Promise<void> {
    const alive = [...this.children];
    await Promise.all(alive.map((child) => stopGroup(child)));
  }

  /** Removes the handlers (the command ended by itself). */
  release(): void {
    clearInterval(this.parentWatch);
    for (const signal of STOP_SIGNALS) process.off(signal, this.onSignal);
  }

  private async stopAndExit(signal: NodeJS.Signals): Promise<void> {
    if (this.signalled) return;
    this.signalled = signal;
    if (this.signalWaiters.length > 0) return this.signalWaiters.forEach((resolve) => resolve(signal));
    this.say(`${signal}: stopping ${this.children.size} process(es)`);
    await this.stopAll();
    this.say('all services stopped');
    // 128 + signal number, as a shell reports a process ended by that signal.
    process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // A negative pid names the whole process group the detached child leads.
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => killGroup(child, 'SIGKILL'), DRAIN_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      // Anything the service itself spawned leaves with its group.
      killGroup(child, 'SIGKILL');
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}
