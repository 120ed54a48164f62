import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import type { LoopMetrics } from '@clearing/kafka';
import { ClearingMetrics, deadLetterReasonOf } from './clearing-metrics';
import { DEAD_LETTER_REASONS, DOMAIN_METRICS, METRIC_NAMES, METRICS } from './metric-names';

describe('metric names', () => {
  it('given the catalogue, then every name follows the Prometheus conventions of this project', () => {
    for (const { name, labelNames } of [...Object.values(METRICS), ...Object.values(DOMAIN_METRICS)]) {
      assert.match(name, /^clearing_[a-z0-9_]+$/, name);
      assert.ok(!(labelNames as readonly string[]).some((label) => /account/i.test(label)), `${name} labels`);
    }
    assert.equal(new Set(METRIC_NAMES).size, METRIC_NAMES.length, 'names are unique');
  });
});

describe('ClearingMetrics', () => {
  it('given two instances, when one counts, then the other registry does not see it', async () => {
    const first = new ClearingMetrics();
    const second = new ClearingMetrics();
    first.consumed('fills.v1', 3);
    assert.match(await first.registry.metrics(), /^clearing_messages_consumed_total\{topic="fills.v1"\} 3$/m);
    assert.doesNotMatch(await second.registry.metrics(), /fills\.v1/);
  });

  it('given a fresh instance, when scraped, then every catalogued metric and the process metrics are exposed', async () => {
    const { body, contentType } = await new ClearingMetrics({
      build: { service: 's', version: '1.2.3' },
    }).scrape();
    for (const name of Object.values(METRICS).map((m) => m.name))
      assert.match(body, new RegExp(`^# TYPE ${name} `, 'm'), name);
    assert.match(body, /^process_cpu_seconds_total /m);
    assert.match(body, /^clearing_build_info\{service="s",version="1.2.3"\} 1$/m);
    assert.match(contentType, /^text\/plain/);
  });

  it('given the consume loop reports through LoopMetrics, then each report lands on its series', async () => {
    const metrics = new ClearingMetrics();
    const loop: LoopMetrics = metrics; // compile-time proof it can be handed to libs/kafka
    loop.produced('ledger.journal.v1', 4);
    loop.batchSeconds('fills.v1', 0.02);
    loop.lag('fills.v1', 3, 120);
    loop.joined(true);
    loop.halted('fills.v1', 3, true, 'SequenceGapError');
    metrics.ledgerInvariant(3, false);
    const text = await metrics.registry.metrics();
    for (const line of [
      'clearing_messages_produced_total{topic="ledger.journal.v1"} 4',
      'clearing_batch_duration_seconds_count{topic="fills.v1"} 1',
      'clearing_batch_duration_seconds_bucket{le="0.025",topic="fills.v1"} 1',
      'clearing_consumer_lag_messages{topic="fills.v1",partition="3"} 120',
      'clearing_consumer_joined 1',
      'clearing_partition_halted{topic="fills.v1",partition="3",reason="SequenceGapError"} 1',
      'clearing_ledger_invariant_ok{partition="3"} 0',
    ]) {
      assert.ok(text.split('\n').includes(line), line);
    }
  });

  it('given an input topic, when initialised, then consumed and every dead-letter reason start at zero', async () => {
    const metrics = new ClearingMetrics();
    metrics.initInputTopic('fills.v1');
    metrics.deadLettered('fills.v1', 'schema', 2);
    const text = await metrics.registry.metrics();
    assert.match(text, /clearing_messages_consumed_total\{topic="fills.v1"\} 0/);
    for (const reason of DEAD_LETTER_REASONS) {
      const expected = reason === 'schema' ? 2 : 0;
      assert.match(
        text,
        new RegExp(`dead_lettered_total\\{topic="fills.v1",reason="${reason}"\\} ${expected}$`, 'm'),
      );
    }
  });

  it('given a registry passed in, when metrics are created, then they register there', async () => {
    const registry = new Registry();
    new ClearingMetrics({ registry }).joined(false);
    assert.match(await registry.metrics(), /^clearing_consumer_joined 0$/m);
  });
});

describe('deadLetterReasonOf', () => {
  it('given a known code, then it is the label; given anything else, then it is "rejected"', () => {
    for (const reason of DEAD_LETTER_REASONS) assert.equal(deadLetterReasonOf(reason), reason);
    assert.equal(deadLetterReasonOf('account-id-1234'), 'rejected');
  });
});
