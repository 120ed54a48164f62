import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { btcQuotes, eventually, gapScenario, publishRaw } from '@clearing/testing';
import { dashboardExprs, LocatedExpr, metricNamesIn, ruleExprs } from './promql';
import { ObservedSystem } from './observed-system';
import { PrometheusServer, templatedConfig } from './prometheus-server';

const { ACCOUNTS, gapTo, openLongsAt60000, TRADERS } = gapScenario;

/**
 * Expressions that are empty on a healthy system by design: they select a failure. Each is still run (a
 * syntax error or unknown function fails), and each metric it names must be exposed by a service.
 */
const FAILURE_ONLY: Readonly<Record<string, string>> = {
  ConsumerLagGrowing: 'fires only while a consumer falls further behind',
  PartitionHalted: 'fires only when a ledger invariant halts a partition',
  DeadLetterRateHigh: 'fires only when an upstream sends more than 5 % refusable input',
  ServiceDown: 'fires only when a scrape fails',
  FillToMarginSlow: 'fires only when the p99 exceeds 1 s',
  OracleIndexInvalid: 'fires only when an index is invalid for 2 minutes',
  OracleStale: 'fires only when no price was accepted for 5 minutes',
  LiquidationBacklog: 'fires only when cases are open with no step booked for 10 minutes',
  DeleveragingStepRefused: 'fires only when the ledger refuses a liquidation or ADL leg',
  BackstopUnderMargined: 'fires only when the backstop holds less margin than its positions need',
  CoverTwoShortfall: 'fires only when stress losses of the two largest members exceed fund + CCP excess',
  'Clearing / Waterfall and solvency / Socialized losses':
    'a loss nobody covers: the scenario ends every case by the fund or ADL',
};

/** Grafana's interval variable, as Grafana would expand it for a 1 s scrape. */
const asGrafanaRuns = (expr: string) => expr.replaceAll('$__rate_interval', '1m');

const system = new ObservedSystem();
let prometheus: PrometheusServer | undefined;

describe('dashboards and alerts against a real Prometheus scraping the five services', () => {
  before(async () => {
    await system.open(ACCOUNTS);
    await system.startFive();
    prometheus = await PrometheusServer.start(templatedConfig(system.portOf));
  });
  after(async () => {
    await prometheus?.stop();
    await system.close();
  });

  it('given leveraged longs and a BTC gap from 60,000 to 50,000, when every case has closed, then every panel and alert expression returns data', async () => {
    await openLongsAt60000(system);
    await gapTo(system, '50000');
    await publishAStaleQuote();
    await Promise.all(Object.keys(TRADERS).map((account) => system.awaitClosed(account, 90_000)));
    const jobs = Object.keys(system.portOf).sort();
    await eventually(
      async () => ((await prometheus!.healthyJobs()).sort().join() === jobs.join() ? true : undefined),
      30_000,
    );
    const expressions = [...dashboardExprs(), ...ruleExprs()];
    const unknownExceptions = Object.keys(FAILURE_ONLY).filter(
      (w) => !expressions.some((e) => e.where === w),
    );
    assert.deepEqual(unknownExceptions, [], 'FAILURE_ONLY names a panel or alert that no longer exists');
    const expected = expressions.filter((e) => !(e.where in FAILURE_ONLY));
    // Scrapes are every second: wait until the counters of the scenario have two samples in a window.
    const empty = await eventually(
      async () => {
        const missing = await emptyOf(expected);
        return missing.length === 0 ? missing : undefined;
      },
      60_000,
      1_000,
    ).catch(() => emptyOf(expected));
    assert.deepEqual(empty, [], `empty results:\n${empty.join('\n')}\n${prometheus!.log()}`);
    const failing = (await Promise.all(expressions.map(invalidOf))).flat();
    assert.deepEqual(failing, []);
  });

  it('then every metric a dashboard or alert names is exposed by a running service', async () => {
    const exposed = await exposedMetricNames(Object.values(system.portOf));
    const names = [...dashboardExprs(), ...ruleExprs()].flatMap((e) => metricNamesIn(e.expr));
    const notExposed = [...new Set(names)].filter((name) => name !== 'up' && !exposed.has(name));
    assert.deepEqual(notExposed, []);
  });

  it('and what each service exposes passes promtool check metrics (names, units, suffixes)', async () => {
    for (const [job, port] of Object.entries(system.portOf)) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const lint = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
      assert.equal(lint.status, 0, `${job}: ${lint.stdout}${lint.stderr}`);
    }
  });
});

/** A feed replaying an hour-old price, as a stuck source does: the oracle refuses it with a reason. */
async function publishAStaleQuote(): Promise<void> {
  const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
  await publishRaw(system.kafka.kafka, system.topics.oraclePrices, btcQuotes('60000', anHourAgo));
}

async function emptyOf(expressions: readonly LocatedExpr[]): Promise<string[]> {
  const results = await Promise.all(
    expressions.map(async (e) => ({ e, result: await prometheus!.query(asGrafanaRuns(e.expr)) })),
  );
  return results
    .filter(({ result }) => (result.data?.result.length ?? 0) === 0)
    .map(({ e }) => `${e.where}: ${e.expr}`);
}

async function invalidOf(e: LocatedExpr): Promise<string[]> {
  const result = await prometheus!.query(asGrafanaRuns(e.expr));
  return result.status === 'success' ? [] : [`${e.where}: ${result.error}`];
}

/** Names with a `# TYPE` line on some service's /metrics: declared, whether or not a sample exists yet. */
async function exposedMetricNames(ports: readonly number[]): Promise<Set<string>> {
  const texts = await Promise.all(
    ports.map(async (port) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text()),
  );
  return new Set(texts.flatMap((text) => [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1])));
}
