import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { haltedIn, serviceEndpointsFromEnv } from './halted-partitions';

describe('halted partitions from /metrics', () => {
  it('given halted and flowing series, then only the halted ones are listed with their labels', () => {
    const text = [
      '# HELP clearing_partition_halted 1 while ...',
      'clearing_partition_halted{topic="ledger.commands.v1",partition="2",reason="balance \\"negative\\""} 1',
      'clearing_partition_halted{topic="ledger.commands.v1",partition="3",reason=""} 0',
      'clearing_partition_halted_total{topic="x",partition="1",reason="r"} 1',
    ].join('\n');
    const instance = { service: 'position-aggregator', baseUrl: 'http://10.0.3.7:3001' };
    assert.deepEqual(haltedIn(instance, text), [
      {
        service: 'position-aggregator',
        topic: 'ledger.commands.v1',
        partition: 2,
        reason: 'balance \\"negative\\"',
        instance: 'http://10.0.3.7:3001',
      },
    ]);
  });

  it('given CLEARING_SERVICE_URLS, then each entry is a service and its base URL; a bad entry is refused', () => {
    assert.deepEqual(serviceEndpointsFromEnv('a=http://h:1/, b=http://h:2'), [
      { service: 'a', baseUrl: 'http://h:1' },
      { service: 'b', baseUrl: 'http://h:2' },
    ]);
    assert.deepEqual(serviceEndpointsFromEnv(undefined), []);
    assert.throws(() => serviceEndpointsFromEnv('a=not a url'), /CLEARING_SERVICE_URLS/);
  });
});
