import { decodeMessage, SCHEMA_TOPICS, SchemaTopic } from '@clearing/contracts';
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
