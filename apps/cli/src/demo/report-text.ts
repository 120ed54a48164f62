import { DemoReport } from './demo-report';

const counts = (byReason: Record<string, number>) =>
  Object.entries(byReason)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ') || 'none';

/** The report as a person reads it at the end of `clearing demo` (docs/DEMO.md explains each line). */
export function formatDemoReport(r: DemoReport): string {
  const efficiency = Object.entries(r.nettingEfficiency)
    .map(([asset, ratio]) => `${asset} ${(100 * Number(ratio)).toFixed(1)} %`)
    .join(', ');
  const ms = (v?: number) => (v === undefined ? '-' : `${v} ms`);
  return [
    `demo report (run ${r.run}, ${r.accounts} accounts)`,
    `  fills           ${r.fills.cleared} cleared of ${r.fills.published} published; refused: ${counts(r.fills.rejectedByReason)}`,
    `  oracle          refused observations: ${counts(r.oracle.rejectedByReason)}`,
    `  funding         ${r.fundingSettlements} FundingPeriodSettled events (per perpetual, period and shard)`,
    `  netting         efficiency over the run's cycles: ${efficiency || 'no cycle closed'}`,
    `  margin          portfolio IM ${r.margin.portfolioImUsd} USD vs standard ${r.margin.standardImUsd} USD: netting saves ${r.margin.savingUsd} USD (${r.margin.savingPercent} %)`,
    `  health bands    ${counts(r.accountsByBand)}`,
    `  liquidations    ${r.liquidations.casesOpened} cases; closed by outcome: ${counts(r.liquidations.casesClosedByOutcome)}; ${r.liquidations.partialLiquidationSteps} partial-liquidation steps`,
    `  insurance fund  ${r.insuranceFund.beforeUsd} USD before the crash, ${r.insuranceFund.afterUsd} USD after; ${r.insuranceFund.draws} draws`,
    `  ADL             ${r.adlEvents} auto-deleveraging steps`,
    `  throughput      ${r.throughput.fillsPerSecond} fills/s (${r.throughput.clearingSeconds.toFixed(1)} s from the first fill to the last cleared)`,
    `  latency         journal to margin p50 ${ms(r.latencyMs.p50)}, p90 ${ms(r.latencyMs.p90)}, p99 ${ms(r.latencyMs.p99)}`,
    r.verify.text,
  ].join('\n');
}
