import { databaseUrlFromEnv, kafkaBrokersFromEnv } from '@clearing/config';
import { PROJECTION_GROUP, TOPICS } from '@clearing/contracts';
import { createKafka } from '@clearing/kafka';
import { createDataSource } from '@clearing/persistence';
// The aggregator's projection consumer group: its checkpoint says how far the projected rows go.
import { CliCommand, parseArgs } from '../command';
import { progressReporter } from '../replay/progress';
import { formatReport } from '../verify/report';
import { verifyClearing } from '@clearing/testing';

const USAGE = `usage: clearing verify [--json] [--topic T] [--schema S] [--group G]

Reads the whole journal (read_committed) and checks:
  journal-decodes       every record decodes into a balanced event
  zero-sum              every asset sums to zero over all accounts
  ccp-flat              the CCP's net position in every instrument is zero (all CCP-<shard> accounts)
  fill-legs             every fill has exactly one buy and one sell leg
  sequences             every account's events are numbered 1..n, no gap, no duplicate
  projection-balances   the balances table equals a fresh fold of the journal (exact decimals)
  projection-positions  the positions table equals the fold's positions (quantity, cost, realized P&L)

  --json     print one JSON object { ok, checks: [{ name, ok, problems, details }], counts }
  --topic    journal topic (default ${TOPICS.ledgerJournal})
  --schema   Postgres schema of the projection (default DATABASE_SCHEMA or public)
  --group    projection consumer group (default ${PROJECTION_GROUP})

Exit 0 when every check passes, 1 otherwise. Uses KAFKA_BROKERS and DATABASE_URL.`;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the journal invariants and that Postgres equals a fresh fold',
  usage: USAGE,
  async run(args) {
    const { flags } = parseArgs(args);
    const json = flags.has('json');
    const dataSource = createDataSource({
      url: databaseUrlFromEnv(),
      schema: flags.get('schema') ?? process.env.DATABASE_SCHEMA,
      poolSize: 1,
      applicationName: 'clearing-verify',
    });
    await dataSource.initialize();
    const progress = progressReporter('verify: reading journal');
    try {
      const report = await verifyClearing({
        kafka: createKafka({ clientId: 'clearing-verify', brokers: kafkaBrokersFromEnv() }),
        topic: flags.get('topic') ?? TOPICS.ledgerJournal,
        dataSource,
        consumerGroup: flags.get('group') ?? PROJECTION_GROUP,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.finish();
      process.stdout.write(json ? `${JSON.stringify(report)}\n` : formatReport(report));
      return report.ok ? 0 : 1;
    } finally {
      await dataSource.destroy();
    }
  },
};
