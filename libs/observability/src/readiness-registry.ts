export interface ReadinessStatus {
  readonly up: boolean;
  readonly detail?: Record<string, unknown>;
}

/** A named probe of one dependency (database reachable, consumer joined, lag bounded...). */
export type ReadinessCheck = () => Promise<ReadinessStatus>;

export interface ReadinessResult extends ReadinessStatus {
  readonly name: string;
}

/** A probe slower than this counts as down: k8s probes time out too, and a hung dependency is not ready. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

/**
 * Where components declare what "ready" means for this instance. Each component registers its own check
 * when it is wired in; `/health/ready` is up only when every registered check is up. With nothing
 * registered the instance has nothing to wait for and is ready. One per app, provided by ObservabilityModule:
 * inject it with `readiness: ReadinessRegistry`.
 */
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(private readonly checkTimeoutMs: number = DEFAULT_CHECK_TIMEOUT_MS) {}

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /** Runs every check concurrently; a check that throws or times out is reported down with the reason. */
  async evaluate(): Promise<ReadinessResult[]> {
    return Promise.all([...this.checks].map(([name, check]) => this.run(name, check)));
  }

  private async run(name: string, check: ReadinessCheck): Promise<ReadinessResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ReadinessStatus>((resolve) => {
      timer = setTimeout(
        () => resolve({ up: false, detail: { error: `no answer within ${this.checkTimeoutMs} ms` } }),
        this.checkTimeoutMs,
      );
    });
    try {
      return { name, ...(await Promise.race([check(), timeout])) };
    } catch (error) {
      return { name, up: false, detail: { error: error instanceof Error ? error.message : String(error) } };
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The same probes for `/health/live`: a check registered here fails only when restarting the process is
 * what would help (a consume loop that died and could not come back), never for a dependency outage.
 */
export class LivenessRegistry extends ReadinessRegistry {}
