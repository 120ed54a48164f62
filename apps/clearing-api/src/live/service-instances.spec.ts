import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveInstances } from './service-instances';

/** A resolver that knows a headless Service with two ready pods, and nothing else. */
const dns = async (hostname: string): Promise<string[]> => {
  if (hostname === 'margin-calculator-pods') return ['10.0.3.7', '10.0.4.2'];
  if (hostname === 'localhost') return ['::1', '127.0.0.1'];
  throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
};

describe('the instances behind CLEARING_SERVICE_URLS', () => {
  it('given a headless Service name, then each of its pod addresses is an instance, on the same port', async () => {
    const instances = await resolveInstances(
      [{ service: 'margin-calculator', baseUrl: 'http://margin-calculator-pods:3003' }],
      dns,
    );
    assert.deepEqual(instances, [
      { service: 'margin-calculator', baseUrl: 'http://10.0.3.7:3003' },
      { service: 'margin-calculator', baseUrl: 'http://10.0.4.2:3003' },
    ]);
  });

  it('given IP literals, an IPv6 host and a service listed twice, then each address once, brackets kept', async () => {
    const instances = await resolveInstances(
      [
        { service: 'position-aggregator', baseUrl: 'http://127.0.0.1:3001' },
        { service: 'position-aggregator', baseUrl: 'http://127.0.0.1:3001' },
        { service: 'position-aggregator', baseUrl: 'http://127.0.0.1:3011' },
        { service: 'valuation-oracle', baseUrl: 'http://localhost:3002' },
      ],
      dns,
    );
    assert.deepEqual(
      instances.map((i) => `${i.service} ${i.baseUrl}`),
      [
        'position-aggregator http://127.0.0.1:3001',
        'position-aggregator http://127.0.0.1:3011',
        'valuation-oracle http://[::1]:3002',
        'valuation-oracle http://127.0.0.1:3002',
      ],
    );
  });

  it('given a name that does not resolve, then it stays as written, so its call fails and it shows unreachable', async () => {
    const instances = await resolveInstances([{ service: 'x', baseUrl: 'http://gone.internal:9' }], dns);
    assert.deepEqual(instances, [{ service: 'x', baseUrl: 'http://gone.internal:9' }]);
  });
});
