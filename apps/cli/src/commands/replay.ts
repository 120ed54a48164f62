import { databaseUrlFromEnv, kafkaBrokersFromEnv } from '@clearing/config';
import { TOPICS } from '@clearing/contracts';
import { createKafka } from '@clearing/kafka';
import { CliCommand, parseArgs } from '../command';
import { progressReporter } from '../replay/progress';
import { replayJournal, ReplayResult } from '@clearing/testing';

const USAGE = `usage: clearing replay [--schema-prefix P] [--keep] [--topic T] [--schema S]

Rebuilds the projection (balances, positions, journal_index, fill_legs) from journal offset 0 into a
fresh schema, then compares a SHA-256 of its rows with the live schema's. Progress goes to stderr.

  --schema-prefix  prefix of the fresh schema's name (default replay)
  --keep           keep the fresh schema for inspection (default: dropped)
  --topic          journal topic (default ${TOPICS.ledgerJournal})
  --schema         live projection schema (default DATABASE_SCHEMA or public)

Exit 0 when identical, 1 when different. Compare a quiet system (or expect the live side to be ahead).`;

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'rebuild projections from offset 0 into a fresh schema and compare hashes with the live one',
  usage: USAGE,
  async run(args) {
    const { flags } = parseArgs(args);
    const progress = progressReporter('replay');
    const result = await replayJournal({
      kafka: createKafka({ clientId: 'clearing-replay', brokers: kafkaBrokersFromEnv() }),
      topic: flags.get('topic') ?? TOPICS.ledgerJournal,
      databaseUrl: databaseUrlFromEnv(),
      liveSchema: flags.get('schema') ?? process.env.DATABASE_SCHEMA ?? 'public',
      schemaPrefix: flags.get('schema-prefix'),
      keep: flags.has('keep'),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.finish();
    process.stdout.write(formatResult(result, flags.has('keep')));
    return result.identical ? 0 : 1;
  },
};

function formatResult(result: ReplayResult, kept: boolean): string {
  const rows = (hash: ReplayResult['live']) => hash.tables.map((t) => `${t.table} ${t.rows}`).join(', ');
  return [
    `replayed ${result.events} events into ${result.replaySchema}${kept ? ' (kept)' : ' (dropped)'}`,
    `live      ${result.live.sha256}  (${rows(result.live)})`,
    `replayed  ${result.replayed.sha256}  (${rows(result.replayed)})`,
    result.identical ? 'identical' : `DIFFERENT: first differing table ${result.firstDifferentTable}`,
    '',
  ].join('\n');
}
