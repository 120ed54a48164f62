import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { METRIC_NAMES } from '@clearing/observability';
import { DASHBOARD_DIR, DEPLOY_DIR, renderedDashboards } from './dashboards';
import { dashboardExprs, metricNamesIn, ruleExprs, RULES_DIR } from './promql';

const TESTS_FILE = path.join(DEPLOY_DIR, 'prometheus/tests/clearing-alerts.test.yml');
const RUNBOOK = readFileSync(path.join(DEPLOY_DIR, '../docs/RUNBOOK.md'), 'utf8');
/** Prometheus' own series: scrape health, not a service metric. */
const PROMETHEUS_SERIES = ['up'];

function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  assert.ok(!run.error, `promtool missing (apt-get install -y prometheus): ${run.error?.message}`);
  return run;
}

const alertNames = () => ruleExprs().map((r) => r.where);

describe('Grafana dashboards as code', () => {
  it('given the TypeScript definitions, then the committed JSON is exactly what the generator produces (npm run dashboards)', () => {
    const committed = readdirSync(DASHBOARD_DIR).filter((f) => f.endsWith('.json'));
    const rendered = renderedDashboards();
    assert.deepEqual(committed.sort(), [...rendered.keys()].sort());
    for (const [file, json] of rendered)
      assert.equal(readFileSync(path.join(DASHBOARD_DIR, file), 'utf8'), json, `${file} is stale`);
  });

  it('then every metric a panel or an alert reads is one of the metric-names file', () => {
    const known = new Set([...METRIC_NAMES, ...PROMETHEUS_SERIES]);
    const unknown = [...dashboardExprs(), ...ruleExprs()].flatMap(({ where, expr }) =>
      metricNamesIn(expr)
        .filter((name) => !known.has(name))
        .map((name) => `${where}: ${name}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('and a misspelt metric is caught by the name check', () => {
    assert.deepEqual(
      metricNamesIn('sum by (le) (rate(clearing_margin_journal_to_margin_second_bucket[5m]))'),
      ['clearing_margin_journal_to_margin_second'],
    );
  });
});

describe('Prometheus alert rules', () => {
  it('pass promtool check rules', () => {
    const files = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => path.join(RULES_DIR, f));
    const run = promtool('check', 'rules', ...files);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });

  it('pass their promtool unit tests, and every alert is tested firing and not firing', () => {
    const run = promtool('test', 'rules', TESTS_FILE);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const tests = (parse(readFileSync(TESTS_FILE, 'utf8')) as TestFile).tests.flatMap(
      (t) => t.alert_rule_test,
    );
    for (const alert of alertNames()) {
      const evals = tests.filter((t) => t.alertname === alert);
      assert.ok(
        evals.some((t) => t.exp_alerts.length > 0),
        `${alert}: no test where it fires`,
      );
      assert.ok(
        evals.some((t) => t.exp_alerts.length === 0),
        `${alert}: no test where it stays quiet`,
      );
    }
  });

  it('each have a runbook section in docs/RUNBOOK.md', () => {
    const sections = [...RUNBOOK.matchAll(/^## (\w+)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      alertNames().filter((alert) => !sections.includes(alert)),
      [],
    );
  });
});

interface TestFile {
  tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
}
