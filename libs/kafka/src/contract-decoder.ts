import { decodeMessage, parseMessage, SCHEMA_TOPICS, SchemaTopic, TOPICS } from '@clearing/contracts';
import { Decoder } from './messages';

/**
 * The Decoder for topics with a published JSON Schema (libs/contracts): size limit, JSON, schema. Shared
 * by every service so each input is validated the same way producers in other languages validate it.
 */
export const decodeContract: Decoder<never> = (topic, value) => {
  if (!(SCHEMA_TOPICS as readonly string[]).includes(topic)) {
    return { ok: false, reason: `no published schema for topic ${topic}`, code: 'schema' };
  }
  return decodeMessage(topic as SchemaTopic, value) as ReturnType<Decoder<never>>;
};

/**
 * decodeContract, except for ledger.journal.v1: only the aggregator's writer produces it (topic ACLs),
 * from commands it validated, and every reader rebuilds each event with ownJournalEvent (fromWire's shape,
 * envelope, amount and balance checks). The schema pass on top cost a JSON Schema walk of every 1.2 KB
 * event (issue 15): 9 % of the margin calculator's CPU at 1,000 fills/s. Used by the aggregator's
 * projection and by the margin calculator's and the deleveraging engine's journal loops. A record that is
 * JSON but does not rebuild halts its partition instead of being dead-lettered: a bad journal event is a
 * broken ledger, not input to skip.
 */
export const decodeJournalOwnWrite: Decoder<never> = (topic, value) => {
  if (topic !== TOPICS.ledgerJournal) return decodeContract(topic, value);
  return parseMessage(value) as ReturnType<Decoder<never>>;
};
