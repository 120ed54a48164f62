import { ShardCommandV1 } from '@clearing/contracts';
import { EventSource, HandleOutcome, JournalCodec, parseAmount, ShardLedger } from '@clearing/ledger';
import { fundingOf } from './command-mapping';

/**
 * A command addressed to a whole shard, decided by its single writer: an expiry settles every holder, a
 * funding period charges every holder at its funding time, a clock tick closes a due netting cycle.
 * `forged` is why its signature failed, if it did; such a command and one whose amounts cannot be read
 * are journaled as refused (on the shard's CCP account, the command's key) instead of applied.
 */
export function decideShardCommand(
  shard: ShardLedger,
  command: ShardCommandV1,
  codec: JournalCodec,
  forged: string | undefined,
  source: EventSource,
): HandleOutcome {
  const refuse = (reason: string) =>
    shard.refuse({ ...command, occurredAt: command.issuedAt }, `cannot book: ${reason}`, source);
  if (forged !== undefined) return refuse(forged);
  try {
    switch (command.type) {
      case 'InstrumentExpiry':
        return shard.expire(
          {
            commandId: command.commandId,
            instrument: command.instrument,
            settlementPrice: parseAmount(command.settlementPrice, codec.scaleOf('USDC')),
            occurredAt: command.expiry,
          },
          source,
        );
      case 'InstrumentFunding':
        return shard.fund(
          { commandId: command.commandId, fundingTime: command.fundingTime, ...fundingOf(command, codec) },
          source,
        );
      case 'ClockTick':
        return shard.tick({ commandId: command.commandId, at: command.issuedAt }, source);
    }
  } catch (error) {
    return refuse((error as Error).message);
  }
}
