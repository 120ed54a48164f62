import { LedgerCommandV1, ShardCommandV1 } from '@clearing/contracts';
import { partitionOfKey } from '@clearing/kafka';
import { systemAccountShardOf } from '@clearing/ledger';

/**
 * The journal shard (= ledger.commands.v1 partition) whose single writer decides a command. It is
 * computed here, never taken from the partition a producer's partitioner chose: an account booked by
 * two writers would have two sequence counters. A shard command (expiry, funding period, clock tick)
 * names its shard; a system account (CCP-p, FEES-p, EXTERNAL-p, INSURANCE-FUND-p) is shard p's; any other
 * account is murmur2 of its id (Java's and kafkajs' default). May name a shard that does not exist (a
 * shard command's `shard` or a system account's p too large): callers check.
 */
export function commandOwnerOf(command: LedgerCommandV1, partitionCount: number): number {
  if (isShardCommand(command)) return command.shard;
  return systemAccountShardOf(command.account) ?? partitionOfKey(command.account, partitionCount);
}

/** Commands that address a whole journal shard rather than one account's partition. */
export function isShardCommand(command: LedgerCommandV1): command is ShardCommandV1 {
  return (
    command.type === 'InstrumentExpiry' || command.type === 'InstrumentFunding' || command.type === 'ClockTick'
  );
}
