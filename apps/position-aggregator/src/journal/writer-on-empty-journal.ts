import { JournalCodec } from '@clearing/ledger';
import { AggregatorSettings } from '../aggregator.settings';
import { registeredTermsOf } from '@clearing/contracts';
import { JournalShards } from './journal-shards';
import { JournalWriterHandler } from './journal-writer.handler';

/** A journal writer whose shards start from an empty journal (no Kafka): for specs of its decisions. */
export function writerOnEmptyJournal(settings: AggregatorSettings): JournalWriterHandler {
  const codec = new JournalCodec();
  const shards = new JournalShards(
    async () => undefined,
    settings.cyclePolicy,
    codec.scaleOf,
    registeredTermsOf(),
  );
  return new JournalWriterHandler(shards, codec, settings);
}
