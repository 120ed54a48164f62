import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MarginEngine, RiskParamsChange } from '@clearing/margin-engine';
import { MARGIN_SETTINGS, MarginServiceSettings } from '@clearing/margin-engine/service';

interface ChangeRow {
  event_id: string;
  scope: RiskParamsChange['scope'];
  target: string | null;
  params: Record<string, string>;
}

/**
 * Applies journaled risk-parameter changes (projected by the aggregator into risk_param_changes) in
 * (event time, id) order, on every instance, then asks for a re-margin of everyone. A change the engine
 * refuses is logged with its reason and skipped for good: the ledger journaled it, the margin cannot use it.
 */
@Injectable()
export class RiskParamsPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RiskParamsPoller.name);
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: MarginEngine,
    @Inject(MARGIN_SETTINGS) private readonly settings: MarginServiceSettings,
  ) {}

  onChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.settings.riskParamsPollMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    let rows: ChangeRow[];
    try {
      rows = await this.dataSource.query(
        'SELECT event_id, scope, target, params FROM risk_param_changes ORDER BY occurred_at, event_id',
      );
    } catch (error) {
      this.logger.error({ error: (error as Error).message }, 'reading risk parameter changes failed');
      return;
    }
    const fresh = rows.filter((row) => !this.seen.has(row.event_id));
    for (const row of fresh) {
      this.seen.add(row.event_id);
      try {
        this.engine.changeRiskParams({
          scope: row.scope,
          ...(row.target ? { target: row.target } : {}),
          params: row.params,
        });
        this.logger.log(
          { event: row.event_id, scope: row.scope, target: row.target, params: row.params },
          'risk parameters changed',
        );
      } catch (error) {
        this.logger.error(
          { event: row.event_id, reason: (error as Error).message },
          'risk parameter change refused',
        );
      }
    }
    if (fresh.length > 0) this.listeners.forEach((listener) => listener());
  }
}
