import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CLEARING_CONFIG, ClearingConfig } from '@clearing/config';
import { CaseDriver } from '../cases/case-driver';
import { DELEVERAGING_SETTINGS, DeleveragingSettings } from '../deleveraging.settings';
import { WireScales } from '../output/command-wire';
import { LiquidationOutput, WIRE_SCALES } from '../output/liquidation-output';
import { summaryToWire } from '../state/summary-wire';
import { SystemRiskView } from '../state/system-risk-view';

/**
 * Every PARTITION_SUMMARY_INTERVAL_MS, the summary of each journal partition this instance owns and has
 * restored, to risk.summaries.v1. A summary is a function of the committed journal it folded (read
 * committed) and the marks: republishing one is harmless, and readers keep the one that folded the most.
 */
@Injectable()
export class SummaryPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SummaryPublisher.name);
  private timer: NodeJS.Timeout | undefined;
  private publishing = false;

  constructor(
    private readonly systemRisk: SystemRiskView,
    private readonly driver: CaseDriver,
    private readonly output: LiquidationOutput,
    @Inject(DELEVERAGING_SETTINGS) private readonly settings: DeleveragingSettings,
    @Inject(WIRE_SCALES) private readonly scales: WireScales,
    @Inject(CLEARING_CONFIG) private readonly config: ClearingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.publish(), this.settings.summaries.intervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async publish(): Promise<void> {
    // Before the marks caught up the figures are priced on old marks: nothing worth sharing yet.
    if (this.publishing || !this.driver.isStarted()) return;
    this.publishing = true;
    try {
      const { partitionCount } = this.settings.margin;
      const summaries = this.systemRisk
        .ownSummaries(Date.now())
        .map((s) => summaryToWire(s, partitionCount, this.config.instanceId, this.scales.scaleOf));
      await this.output.publishSummaries(summaries);
    } catch (error) {
      this.logger.error({ error: (error as Error).message }, 'publishing partition summaries failed');
    } finally {
      this.publishing = false;
    }
  }
}
