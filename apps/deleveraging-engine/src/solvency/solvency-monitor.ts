import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AdlQueueV1, SolvencyV1 } from '@clearing/contracts';
import { formatAmount } from '@clearing/ledger';
import { adlLights, coverTwo, marginShortfallUsd, SystemSummary } from '@clearing/liquidation';
import { usdString } from '@clearing/margin-engine';
import { OwnedAccounts } from '@clearing/margin-engine/service';
import { unitsOf } from '@clearing/risk';
import { CaseDriver } from '../cases/case-driver';
import { CaseStepper } from '../cases/case-stepper';
import { DELEVERAGING_SETTINGS, DeleveragingSettings } from '../deleveraging.settings';
import { DeleveragingMetrics } from '../deleveraging-metrics';
import { WireScales } from '../output/command-wire';
import { LiquidationOutput, WIRE_SCALES } from '../output/liquidation-output';
import { AccountSnapshot } from '../state/account-snapshot';
import { LedgerView } from '../state/ledger-view';
import { SystemRiskView } from '../state/system-risk-view';

/** The instance serving this journal partition publishes the system-wide solvency report. */
export const SOLVENCY_PUBLISHER_PARTITION = 0;

/**
 * Continuously (every SOLVENCY_INTERVAL_MS): Cover 2 over every partition's accounts (own ones now, the
 * others from risk.summaries.v1), each account's stress loss being what its portfolio IM (the worst
 * scenario) exceeds its NLV by, against every shard's insurance fund + the CCP's excess collateral; and
 * the ADL lights of the owned accounts in the queues of the whole book, published when they change.
 * Every instance computes the report for its gauges; one publishes it (SOLVENCY_PUBLISHER_PARTITION), so
 * readers of liquidations.v1 never see it alternate between instances' slightly different snapshots.
 */
@Injectable()
export class SolvencyMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SolvencyMonitor.name);
  private readonly lights = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly view: LedgerView,
    private readonly stepper: CaseStepper,
    private readonly driver: CaseDriver,
    private readonly output: LiquidationOutput,
    private readonly metrics: DeleveragingMetrics,
    @Inject(DELEVERAGING_SETTINGS) private readonly settings: DeleveragingSettings,
    @Inject(WIRE_SCALES) private readonly scales: WireScales,
    private readonly systemRisk: SystemRiskView,
    private readonly owned: OwnedAccounts,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.driver.isStarted()) return;
      this.report().catch((error: Error) => this.logger.error({ error: error.message }, 'solvency failed'));
    }, this.settings.solvencyIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One round: the gauges, the solvency report where this instance publishes it, the changed lights. */
  async report(nowMs = Date.now()): Promise<void> {
    const system = this.systemRisk.system(nowMs);
    const asOf = new Date(nowMs).toISOString();
    this.exportBackstopShortfall(this.stepper.snapshot(this.settings.backstopAccount));
    const solvency = this.solvency(system, asOf);
    const publishes = this.owned.servedPartitions().includes(SOLVENCY_PUBLISHER_PARTITION);
    await this.output.publish([...(publishes ? [solvency] : []), ...this.changedLights(system, asOf)]);
  }

  private solvency(system: SystemSummary, asOf: string): SolvencyV1 {
    const asset = this.settings.settlementAsset;
    const funds = system.funds().filter((f) => f.asset === asset);
    const scale = this.scales.scaleOf(asset);
    // Floored to the cent: resources are counted down.
    const fundUsd = Math.floor(funds.reduce((sum, f) => sum + unitsOf(f.balance, scale), 0) * 100) / 100;
    const cover = coverTwo(system.largestStressLosses(), fundUsd, this.settings.ccpExcessCollateralUsd);
    this.metrics.solvency(fundUsd, cover.ratio);
    return {
      schemaVersion: 1,
      kind: 'solvency',
      asOf,
      insuranceFunds: funds.map((f) => ({
        account: f.account,
        asset: f.asset,
        balance: formatAmount(f.balance, scale),
      })),
      insuranceFundUsd: usdString(fundUsd),
      excessCollateralUsd: usdString(this.settings.ccpExcessCollateralUsd),
      requiredUsd: usdString(cover.requiredUsd),
      largest: cover.largest.map((a) => ({ account: a.account, stressLossUsd: usdString(a.stressLossUsd) })),
      ratio: Number.isFinite(cover.ratio) ? cover.ratio : null,
      sufficient: cover.sufficient,
      stalePartitions: [...system.stalePartitions],
    };
  }

  /** Only the instance whose partitions hold the backstop sees its book; the others leave the gauge at 0. */
  private exportBackstopShortfall(backstop: AccountSnapshot | undefined): void {
    if (backstop !== undefined) this.metrics.backstopShortfall(marginShortfallUsd(backstop.margin));
  }

  /** Lights of the owned accounts only: each holder's instance publishes its own, once. */
  private changedLights(system: SystemSummary, asOf: string): AdlQueueV1[] {
    const changed: AdlQueueV1[] = [];
    for (const { instrument, side } of system.queues())
      for (const [account, quintile] of adlLights(system.adlQueue(instrument, side))) {
        if (this.view.accounts.book(account) === undefined) continue;
        const key = `${account} ${instrument} ${side}`;
        if (this.lights.get(key) === quintile) continue;
        this.lights.set(key, quintile);
        changed.push({ schemaVersion: 1, kind: 'adl-queue', account, instrument, side, quintile, asOf });
      }
    return changed;
  }
}
