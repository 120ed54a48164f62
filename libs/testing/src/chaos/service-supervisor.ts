import { ChildProcess, spawn } from 'node:child_process';
import { openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { httpStatus } from './http-status';

/** One service as a Deployment would run it: a compiled main, its environment and a fixed HTTP port. */
export interface SupervisedService {
  readonly name: string;
  readonly script: string;
  readonly env: Record<string, string>;
  readonly httpPort: number;
}

export interface SupervisorOptions {
  readonly logDir: string;
  /** Pause before a process that exited is started again (a pod's restart back-off, kept short). */
  readonly restartDelayMs: number;
  /** Liveness probe on /health/live, as k8s/base/services/*.yaml configure it (scaled down). */
  readonly livenessPeriodMs: number;
  readonly livenessFailureThreshold: number;
  readonly livenessInitialDelayMs: number;
}

/** What happened to one service: every exit (code or signal) and every liveness kill. */
export interface ServiceHistory {
  readonly exits: string[];
  livenessKills: number;
}

interface Slot {
  readonly service: SupervisedService;
  readonly history: ServiceHistory;
  child?: ChildProcess;
  startedAtMs: number;
  failedProbes: number;
}

/**
 * Keeps every service running like Kubernetes would: a process that exits (crashed, killed, or gave up)
 * is started again after `restartDelayMs`, and one whose liveness probe fails `livenessFailureThreshold`
 * times in a row is killed (and so restarted). Output is appended to `<logDir>/<service>.log`.
 */
export class ServiceSupervisor {
  private readonly slots = new Map<string, Slot>();
  private supervising = true;
  private readonly probeTimer: NodeJS.Timeout;

  constructor(private readonly options: SupervisorOptions) {
    this.probeTimer = setInterval(() => void this.probeAll(), options.livenessPeriodMs);
  }

  start(service: SupervisedService): void {
    const slot: Slot = { service, history: { exits: [], livenessKills: 0 }, startedAtMs: 0, failedProbes: 0 };
    this.slots.set(service.name, slot);
    this.spawn(slot);
  }

  urlOf(name: string): string {
    return `http://127.0.0.1:${this.slot(name).service.httpPort}`;
  }

  names(): string[] {
    return [...this.slots.keys()];
  }

  history(name: string): ServiceHistory {
    return this.slot(name).history;
  }

  /** Sends `signal` to the running process of `name`; false when it is between lives. */
  kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): boolean {
    const child = this.slot(name).child;
    return child !== undefined && child.exitCode === null && child.kill(signal);
  }

  /** Stops supervising and SIGKILLs every process; resolves once all have exited. */
  async stopAll(): Promise<void> {
    this.supervising = false;
    clearInterval(this.probeTimer);
    const children = [...this.slots.values()].flatMap((s) => (s.child ? [s.child] : []));
    await Promise.all(children.map(killAndAwait));
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (slot === undefined) throw new Error(`no supervised service ${name}`);
    return slot;
  }

  private spawn(slot: Slot): void {
    const { service } = slot;
    const logFd = openSync(join(this.options.logDir, `${service.name}.log`), 'a');
    writeSync(logFd, `\n==== supervisor: starting ${service.name} at ${new Date().toISOString()} ====\n`);
    const env = { ...process.env, ...service.env, HTTP_PORT: String(service.httpPort) };
    const child = spawn(process.execPath, [service.script], { env, stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    slot.child = child;
    slot.startedAtMs = Date.now();
    slot.failedProbes = 0;
    child.once('exit', (code, signal) => {
      slot.history.exits.push(signal ?? `exit ${code}`);
      if (this.supervising)
        setTimeout(() => this.supervising && this.spawn(slot), this.options.restartDelayMs);
    });
  }

  private async probeAll(): Promise<void> {
    for (const slot of this.slots.values()) {
      const child = slot.child;
      if (!this.supervising || child === undefined || child.exitCode !== null) continue;
      if (Date.now() - slot.startedAtMs < this.options.livenessInitialDelayMs) continue;
      const status = await httpStatus(`${this.urlOf(slot.service.name)}/health/live`, 2_000);
      slot.failedProbes = status === 200 ? 0 : slot.failedProbes + 1;
      if (slot.failedProbes < this.options.livenessFailureThreshold || slot.child !== child) continue;
      slot.history.livenessKills += 1;
      child.kill('SIGKILL');
    }
  }
}

function killAndAwait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
