import { ChildProcess, spawn } from 'node:child_process';

/** How one worker run ends: at a named failpoint (the Nth time it is reached) or by SIGKILL after a delay. */
export type CrashPlan = { failpoint: string; hit: number } | { killAfterMs: number };

export interface WorkerRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** Starts a compiled worker script as its own process with extra environment. */
export function startWorker(script: string, env: Record<string, string>): WorkerRun {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

/**
 * Runs a worker until it dies the way the plan says. A failpoint run that never reaches its point
 * (the work ran out first) is killed after `safetyMs`, which is just another crash.
 */
export async function runUntilCrash(
  script: string,
  env: Record<string, string>,
  plan: CrashPlan,
  safetyMs = 60_000,
): Promise<string> {
  const failpointEnv: Record<string, string> =
    'failpoint' in plan
      ? { CLEARING_FAILPOINT: plan.failpoint, CLEARING_FAILPOINT_HIT: String(plan.hit) }
      : {};
  const run = startWorker(script, { ...env, ...failpointEnv });
  const killAfterMs = 'killAfterMs' in plan ? plan.killAfterMs : safetyMs;
  const timer = setTimeout(() => run.child.kill('SIGKILL'), killAfterMs);
  const { signal } = await run.exited;
  clearTimeout(timer);
  if (signal !== 'SIGKILL')
    throw new Error(`worker exited on its own (${signal ?? 'code'}):\n${run.output()}`);
  return run.output();
}

/** A deterministic mix of crash points and random-instant kills, seeded per run for reproducibility. */
export function crashPlans(failpoints: readonly string[], rounds: number, seed: number): CrashPlan[] {
  let state = seed >>> 0 || 1;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: rounds }, (_, i) =>
    i % 2 === 0
      ? { failpoint: failpoints[(i / 2) % failpoints.length], hit: 1 + Math.floor(random() * 4) }
      : { killAfterMs: 1_500 + Math.floor(random() * 4_000) },
  );
}
