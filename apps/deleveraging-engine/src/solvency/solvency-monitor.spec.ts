import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiquidationV1 } from '@clearing/contracts';
import { SystemSummary } from '@clearing/liquidation';
import { OwnedAccounts } from '@clearing/margin-engine/service';
import { CaseDriver } from '../cases/case-driver';
import { CaseStepper } from '../cases/case-stepper';
import { DeleveragingSettings } from '../deleveraging.settings';
import { DeleveragingMetrics } from '../deleveraging-metrics';
import { WireScales } from '../output/command-wire';
import { LiquidationOutput } from '../output/liquidation-output';
import { LedgerView } from '../state/ledger-view';
import { SystemRiskView } from '../state/system-risk-view';
import { SolvencyMonitor } from './solvency-monitor';

const NOW_MS = Date.parse('2026-12-06T09:00:00Z');

/** One deleveraging instance serving `partitions` of six, the whole book summarized the same for both. */
function instance(partitions: number[]) {
  const published: LiquidationV1[] = [];
  const gauges: number[] = [];
  const fake = <T>(value: object) => value as T;
  const monitor = new SolvencyMonitor(
    fake<LedgerView>({ accounts: { book: () => undefined } }),
    fake<CaseStepper>({ snapshot: () => undefined }),
    fake<CaseDriver>({ isStarted: () => true }),
    fake<LiquidationOutput>({ publish: async (messages: LiquidationV1[]) => published.push(...messages) }),
    fake<DeleveragingMetrics>({
      solvency: (fundUsd: number) => gauges.push(fundUsd),
      backstopShortfall: () => {},
    }),
    fake<DeleveragingSettings>({
      settlementAsset: 'USDC',
      ccpExcessCollateralUsd: 1_000_000,
      backstopAccount: 'BACKSTOP',
    }),
    fake<WireScales>({ scaleOf: () => 6 }),
    fake<SystemRiskView>({ system: (nowMs: number) => new SystemSummary([], 6, nowMs, 30_000) }),
    fake<OwnedAccounts>({ servedPartitions: () => partitions }),
  );
  return { monitor, published, gauges };
}

describe('the system-wide solvency report with two deleveraging instances', () => {
  it('given one serving partitions 0-2 and one 3-5, then only the first publishes it, and both export the gauge', async () => {
    const first = instance([0, 1, 2]);
    const second = instance([3, 4, 5]);
    await first.monitor.report(NOW_MS);
    await second.monitor.report(NOW_MS);
    assert.deepEqual(
      first.published.map((m) => m.kind),
      ['solvency'],
    );
    assert.deepEqual(second.published, []);
    assert.equal(first.gauges.length, 1);
    assert.equal(second.gauges.length, 1);
  });

  it('given the instance that served partition 0 is gone and the other took it over, then that one publishes it', async () => {
    const survivor = instance([0, 1, 2, 3, 4, 5]);
    await survivor.monitor.report(NOW_MS);
    assert.deepEqual(
      survivor.published.map((m) => m.kind),
      ['solvency'],
    );
  });
});
