import { CliCommand, parseArgs } from '../command';
import { runMarketDemo } from '../demo/demo-scenario';
import { ProgressView } from '../demo/progress-view';
import { formatDemoReport } from '../demo/report-text';
import { bringUp, describeServices, runUntilSignal } from '../demo/services-up';
import { Shutdown } from '../demo/shutdown';

const USAGE = `usage: clearing demo [--accounts N] [--minutes M] [--json]

A live market through Kafka only, as upstream systems would drive it: starts Kafka and Postgres (if
needed) and the five services, then a matching engine's fills for N traders (default 2000) across spot,
perpetuals, a dated future and options on BTC and ETH, price feeds (one stale, one outlying), deposits
including stETH, a funding period, and after 40 % of M minutes (default 2) a crash that liquidates in
part, draws insurance funds and deleverages. Ends with a report (--json: as JSON) and clearing verify.
On a terminal: a live progress view, and the services stay up until Ctrl-C. Without one (CI): exits
after the report (status 0 when verify passes). Ctrl-C stops everything it started, at any moment.`;

/** The demo's pace: liquidation rounds every few hundred ms instead of 30 s, cycles of 50 events. */
const DEMO_SERVICE_ENV: Readonly<Record<string, string>> = {
  LIQUIDATION_COOLDOWN_MS: '300',
  LIQUIDATION_MIN_COOLDOWN_MS: '100',
  DELEVERAGING_TICK_MS: '200',
  DELEVERAGING_REISSUE_MS: '2000',
  SOLVENCY_INTERVAL_MS: '1000',
  NETTING_CYCLE_EVENTS: '50',
};

function optionsOf(args: readonly string[]) {
  const { flags } = parseArgs(args);
  const accounts = Number(flags.get('accounts') ?? 2000);
  const minutes = Number(flags.get('minutes') ?? process.env.CLEARING_DEMO_MINUTES ?? 2);
  if (!Number.isInteger(accounts) || accounts < 2 || accounts > 100_000) return undefined;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 600) return undefined;
  return { accounts, minutes, json: flags.has('json') };
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'a live market with a crash: netting, margin and the loss waterfall, then a report',
  usage: USAGE,
  async run(args) {
    const options = optionsOf(args);
    if (!options) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const interactive = process.stdout.isTTY === true;
    // With --json, stdout carries the report only; progress lines go to stderr.
    const say = (line: string) => void (options.json ? process.stderr : process.stdout).write(`${line}\n`);
    const shutdown = new Shutdown(say);
    try {
      const up = await bringUp(shutdown, say, DEMO_SERVICE_ENV);
      if (!up) return 1;
      const view = interactive && !options.json ? new ProgressView() : undefined;
      const report = await runMarketDemo(up.endpoints, {
        ...options,
        serviceUrls: up.running.map((s) => s.url),
        say: view ? () => undefined : say,
        onTick: (figures) => view?.update(figures),
      }).finally(() => view?.stop());
      process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatDemoReport(report)}\n`);
      if (interactive) {
        // The live view has scrolled the start-up lines away: where everything listens, again.
        say(describeServices(up.running));
        await runUntilSignal(shutdown, say);
      }
      return report.verify.ok ? 0 : 1;
    } catch (error) {
      process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      await shutdown.stopAll();
      shutdown.release();
    }
  },
};
