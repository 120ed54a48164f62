import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClearingConfigModule } from '@clearing/config';
import { ClearingMetrics } from './clearing-metrics';
import { METRICS } from './metric-names';
import { ObservabilityModule } from './observability.module';
import { ReadinessRegistry } from './readiness-registry';

@Module({
  imports: [
    ClearingConfigModule.forRoot(
      { service: 'observability-test', defaultHttpPort: 0 },
      { env: { LOG_LEVEL: 'silent' } },
    ),
    ObservabilityModule.forRoot({ version: '9.9.9' }),
  ],
})
class TinyAppModule {}

/** Lints a scrape with Prometheus' own checker; CI installs it (Debian package `prometheus`). */
function promtoolCheckMetrics(exposition: string): { status: number | null; output: string } {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (run.error) {
    assert.fail(`promtool is required for this test (apt-get install -y prometheus): ${run.error.message}`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('ObservabilityModule over HTTP', () => {
  let app: INestApplication;
  let baseUrl: string;

  before(async () => {
    app = await NestFactory.create(TinyAppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  after(() => app.close());

  it('given a running app, when /metrics is scraped, then promtool finds no problem and every metric is there', async () => {
    app.get(ClearingMetrics).initInputTopic('fills.v1');
    const response = await fetch(`${baseUrl}/metrics`);
    const body = await response.text();
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain;.*version=0\.0\.4/);
    for (const name of Object.values(METRICS).map((m) => m.name))
      assert.match(body, new RegExp(`^# TYPE ${name} `, 'm'), name);
    assert.match(body, /clearing_build_info\{service="observability-test",version="9.9.9"\} 1/);
    const lint = promtoolCheckMetrics(body);
    assert.equal(lint.status, 0, lint.output);
    assert.equal(lint.output.trim(), '', 'promtool reports nothing for a clean exposition');
  });

  it('given a running app, when /health/live is probed, then it answers 200', async () => {
    const response = await fetch(`${baseUrl}/health/live`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { status: string }).status, 'ok');
  });

  it('given a registered check, when it flips from down to up, then /health/ready flips from 503 to 200', async () => {
    let kafkaJoined = false;
    app
      .get(ReadinessRegistry)
      .register('kafka', async () => ({ up: kafkaJoined, detail: { joined: kafkaJoined } }));

    const notReady = await fetch(`${baseUrl}/health/ready`);
    const notReadyBody = (await notReady.json()) as { error: Record<string, unknown> };
    assert.equal(notReady.status, 503);
    assert.deepEqual(Object.keys(notReadyBody.error), ['kafka']);

    kafkaJoined = true;
    const ready = await fetch(`${baseUrl}/health/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(((await ready.json()) as { info: unknown }).info, {
      kafka: { status: 'up', joined: true },
    });
  });
});
