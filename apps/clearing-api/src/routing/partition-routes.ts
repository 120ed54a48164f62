import { InstanceAdvert } from '@clearing/persistence';

/**
 * Which URL answers for each journal partition, from the live adverts (freshest first): during a
 * rebalance two instances may claim a partition for a beat, and the fresher claim is the newer owner.
 */
export class PartitionRoutes {
  private readonly byPartition = new Map<number, string>();

  constructor(adverts: readonly InstanceAdvert[]) {
    for (const advert of adverts)
      for (const partition of advert.partitions)
        if (!this.byPartition.has(partition)) this.byPartition.set(partition, advert.url);
  }

  ownerOf(partition: number): string | undefined {
    return this.byPartition.get(partition);
  }
}
