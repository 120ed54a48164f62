import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AdlQueueV1, SolvencyV1 } from '@clearing/contracts';
import { formatAmount } from '@clearing/ledger';
import { adlLights, coverTwo, marginShortfallUsd } from '@clearing/liquidation';
import { usdString } from '@clearing/margin-engine';
import { unitsOf } from '@clearing/risk';
import { CaseDriver } from '../cases/case-driver';
import { CaseStepper } from '../cases/case-stepper';
import { DELEVERAGING_SETTINGS, DeleveragingSettings } from '../deleveraging.settings';
import { DeleveragingMetrics } from '../deleveraging-metrics';
import { WireScales } from '../output/command-wire';
import { LiquidationOutput, WIRE_SCALES } from '../output/liquidation-output';
import { AccountSnapshot } from '../state/account-snapshot';
import { adlQueue, PositionSide } from '../state/adl-candidates';
import { LedgerView } from '../state/ledger-view';

/**
 * Continuously (every SOLVENCY_INTERVAL_MS): Cover 2 over the owned accounts, each account's stress
 * loss being what its portfolio IM (the worst scenario) exceeds its NLV by, against the insurance funds
 * + the CCP's excess collateral; and each holder's ADL lights, published when they change.
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
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.driver.isStarted()) return;
      this.publish().catch((error: Error) => this.logger.error({ error: error.message }, 'solvency failed'));
    }, this.settings.solvencyIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async publish(): Promise<void> {
    const snapshots = [...this.view.accounts.accounts()].flatMap((a) => this.stepper.snapshot(a) ?? []);
    const asOf = new Date().toISOString();
    await this.output.publish([this.solvency(snapshots, asOf), ...this.changedLights(snapshots, asOf)]);
  }

  private solvency(snapshots: readonly AccountSnapshot[], asOf: string): SolvencyV1 {
    const asset = this.settings.settlementAsset;
    const funds = this.view.fundBalances().filter((f) => f.asset === asset);
    const scale = this.scales.scaleOf(asset);
    // Floored to the cent: resources are counted down.
    const fundUsd = Math.floor(funds.reduce((sum, f) => sum + unitsOf(f.balance, scale), 0) * 100) / 100;
    const stressed = snapshots.map((s) => ({
      account: s.account,
      stressLossUsd: Math.max(0, s.margin.portfolio.imUsd - s.margin.nlvUsd),
    }));
    const cover = coverTwo(stressed, fundUsd, this.settings.ccpExcessCollateralUsd);
    this.metrics.solvency(fundUsd, cover.ratio);
    this.exportBackstopShortfall(snapshots);
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
    };
  }

  /** Only the instance whose partitions hold the backstop sees its book; the others leave the gauge at 0. */
  private exportBackstopShortfall(snapshots: readonly AccountSnapshot[]): void {
    const backstop = snapshots.find((s) => s.account === this.settings.backstopAccount);
    if (backstop !== undefined) this.metrics.backstopShortfall(marginShortfallUsd(backstop.margin));
  }

  private changedLights(snapshots: readonly AccountSnapshot[], asOf: string): AdlQueueV1[] {
    const instruments = new Set(snapshots.flatMap((s) => [...s.holdings.keys()]));
    const changed: AdlQueueV1[] = [];
    for (const instrument of instruments)
      for (const side of ['long', 'short'] as PositionSide[])
        for (const [account, quintile] of adlLights(adlQueue(snapshots, instrument, side))) {
          const key = `${account} ${instrument} ${side}`;
          if (this.lights.get(key) === quintile) continue;
          this.lights.set(key, quintile);
          changed.push({ schemaVersion: 1, kind: 'adl-queue', account, instrument, side, quintile, asOf });
        }
    return changed;
  }
}
