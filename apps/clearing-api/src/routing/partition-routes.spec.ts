import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PartitionRoutes } from './partition-routes';

const advert = (url: string, partitions: number[]) => ({
  service: 'margin-calculator',
  instanceId: url,
  url,
  partitions,
});

describe('partition routes', () => {
  it('given two instances sharing six partitions, then each partition goes to its owner', () => {
    const routes = new PartitionRoutes([advert('http://a', [0, 2, 4]), advert('http://b', [1, 3, 5])]);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((p) => routes.ownerOf(p)),
      ['http://a', 'http://b', 'http://a', 'http://b', 'http://a', 'http://b'],
    );
  });

  it('given a partition claimed twice mid-rebalance, then the fresher advert (listed first) wins', () => {
    const routes = new PartitionRoutes([advert('http://new', [3]), advert('http://old', [3, 4])]);
    assert.equal(routes.ownerOf(3), 'http://new');
    assert.equal(routes.ownerOf(4), 'http://old');
  });

  it('given no instance advertises a partition, then it has no owner', () => {
    assert.equal(new PartitionRoutes([advert('http://a', [0])]).ownerOf(1), undefined);
  });
});
