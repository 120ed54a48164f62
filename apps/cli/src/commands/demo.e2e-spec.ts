import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AggregatorFixture } from '@clearing/testing';
import { DemoReport } from '../demo/demo-report';

// Issue 14: the demo cleared 3 fills between 3 accounts and showed none of netting at scale, margin
// moving with the market or the loss waterfall.
const ROOT = path.resolve(__dirname, '../../../../..');
/** CI-sized: 100 traders over one minute (the documented default is 2,000 over two). */
const CI_ARGS = ['--accounts', '100', '--minutes', '1', '--json'];
const isolated = new AggregatorFixture();
let report: DemoReport;
let stderr = '';

describe('npm run demo, the main job, without a terminal', () => {
  before(async () => {
    await isolated.open([]);
    const run = spawnSync('npm', ['run', '--silent', 'demo', '--', ...CI_ARGS], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 900_000,
      env: {
        ...process.env,
        CLEARING_TOPIC_NAMESPACE: isolated.namespace,
        DATABASE_SCHEMA: isolated.database.schema,
        HTTP_PORT: '0',
      },
    });
    stderr = run.stderr;
    assert.equal(run.status, 0, `demo failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    report = JSON.parse(run.stdout) as DemoReport;
  });
  after(() => isolated.close());

  it('given a market of 100 traders, when it ran to its report, then every well-formed fill cleared once and the hostile ones were refused by reason', () => {
    assert.ok(report.fills.published >= 300, `published ${report.fills.published}`);
    assert.equal(report.fills.cleared, report.fills.published);
    // The malformed record fails the schema; the matching engine's retry is a duplicate fill id, refused.
    assert.deepEqual(report.fills.rejectedByReason, { schema: 1, rejected: 1 });
    assert.ok((report.oracle.rejectedByReason.stale ?? 0) > 0, 'the stale feed was refused');
    assert.ok(report.fundingSettlements > 0, 'a funding period was settled');
  });

  it('then portfolio margin charged less than standard margin would, and netting closed cycles', () => {
    assert.ok(Number(report.margin.savingUsd) > 0, JSON.stringify(report.margin));
    assert.ok(Number(report.margin.standardImUsd) > Number(report.margin.portfolioImUsd));
    assert.ok(
      Number(report.nettingEfficiency.USDC) > 0,
      `netting: ${JSON.stringify(report.nettingEfficiency)}`,
    );
    assert.ok(report.latencyMs.p99 !== undefined && report.latencyMs.p99 > 0);
  });

  it('then the crash liquidated in part, drew the insurance fund and deleveraged, and closed every case', () => {
    const closed = report.liquidations.casesClosedByOutcome;
    assert.ok((closed.restored ?? 0) >= 1, `partial liquidations: ${JSON.stringify(closed)}`);
    assert.ok((closed['insurance-fund'] ?? 0) >= 1, 'an insurance-fund draw closed a case');
    assert.ok((closed.adl ?? 0) >= 1, 'ADL closed a case');
    const closedCount = Object.values(closed).reduce((sum, n) => sum + n, 0);
    assert.equal(closedCount, report.liquidations.casesOpened, 'every case closed');
    assert.ok(report.liquidations.partialLiquidationSteps >= 1);
    assert.ok(report.insuranceFund.draws >= 1);
    assert.ok(report.adlEvents >= 1);
    assert.ok(
      Number(report.insuranceFund.beforeUsd) >= 5000,
      `funds before: ${report.insuranceFund.beforeUsd}`,
    );
  });

  it('then clearing verify passes over the whole journal', () => {
    assert.equal(report.verify.ok, true, `${report.verify.text}\n${stderr}`);
    assert.match(report.verify.text, /verify: ok/);
  });
});
