import { seededRandom } from '../fill-stream';

/** The faults of the chaos suite: what a bad day in production does to one service, the broker, Postgres. */
export type Fault =
  | { readonly kind: 'kill-service'; readonly service: string }
  | { readonly kind: 'restart-broker'; readonly signal: 'SIGTERM' | 'SIGKILL' }
  | { readonly kind: 'restart-postgres'; readonly mode: 'fast' | 'immediate' };

export interface ScheduledFault {
  /** When to inject it, from the start of the load. */
  readonly atMs: number;
  readonly fault: Fault;
}

export interface FaultCounts {
  readonly services: readonly string[];
  readonly killsPerService: number;
  readonly brokerTerms: number;
  readonly brokerKills: number;
  readonly postgresFast: number;
  readonly postgresImmediate: number;
}

export function describeFault(fault: Fault): string {
  if (fault.kind === 'kill-service') return `SIGKILL ${fault.service}`;
  if (fault.kind === 'restart-broker') return `broker ${fault.signal} + start`;
  return `postgres stop -m ${fault.mode} + start`;
}

function faultsOf(counts: FaultCounts): Fault[] {
  const repeat = (n: number, fault: Fault): Fault[] => Array.from({ length: n }, () => fault);
  return [
    ...counts.services.flatMap((service) =>
      repeat(counts.killsPerService, { kind: 'kill-service', service }),
    ),
    ...repeat(counts.brokerTerms, { kind: 'restart-broker', signal: 'SIGTERM' }),
    ...repeat(counts.brokerKills, { kind: 'restart-broker', signal: 'SIGKILL' }),
    ...repeat(counts.postgresFast, { kind: 'restart-postgres', mode: 'fast' }),
    ...repeat(counts.postgresImmediate, { kind: 'restart-postgres', mode: 'immediate' }),
  ];
}

/**
 * The faults in a seeded order at seeded instants: the load's duration is cut into one slot per fault and
 * each fault lands at a random instant of its slot, so faults are spread over the whole run (and some
 * fall close together, right before or after a slot boundary). Same seed, same schedule.
 */
export function faultSchedule(seed: number, counts: FaultCounts, durationMs: number): ScheduledFault[] {
  const random = seededRandom(seed ^ 0xc4a05);
  const faults = faultsOf(counts);
  for (let i = faults.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [faults[i], faults[j]] = [faults[j], faults[i]];
  }
  const slotMs = Math.floor(durationMs / faults.length);
  return faults.map((fault, i) => ({ atMs: i * slotMs + random(slotMs), fault }));
}

/**
 * Injects the faults in order, each at its instant or as soon as the previous one finished (a broker
 * restart takes seconds). Returns what was injected, with the time each took, for the test's log.
 */
export async function runFaultSchedule(
  schedule: readonly ScheduledFault[],
  inject: (fault: Fault) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const startedAtMs = Date.now();
  for (const { atMs, fault } of schedule) {
    const waitMs = startedAtMs + atMs - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const beganMs = Date.now();
    await inject(fault);
    log(`  fault at +${beganMs - startedAtMs} ms: ${describeFault(fault)} (${Date.now() - beganMs} ms)`);
  }
}
