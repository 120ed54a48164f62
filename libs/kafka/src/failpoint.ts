/**
 * Crash-test hook: when CLEARING_FAILPOINT names this point, the process kills itself with SIGKILL
 * (no cleanup, like a power cut) the Nth time it gets there (CLEARING_FAILPOINT_HIT, default 1).
 * The crash tests use it to stop exactly between two commits; in production the variable is unset and
 * this is one string comparison.
 */
let hits = 0;

export function failpoint(name: string): void {
  if (process.env.CLEARING_FAILPOINT !== name) return;
  hits += 1;
  if (hits >= Number(process.env.CLEARING_FAILPOINT_HIT ?? '1')) process.kill(process.pid, 'SIGKILL');
}
