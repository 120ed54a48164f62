import { CliCommand, parseArgs } from '../command';
import { ensureInfra, formatStatus, infraStatus, stopInfra } from '../infra';

const USAGE = `usage: clearing infra up|down|status [--json]

  up      start Kafka (KRaft, from Maven jars) and Postgres unless they already answer; idempotent
  down    stop the local Kafka broker and a private Postgres cluster (never the machine's own server)
  status  print each component, its address and whether it answers; exit 0 only when all are up

environment: KAFKA_BROKERS (default 127.0.0.1:9092), DATABASE_URL (default postgres://postgres@127.0.0.1:5432/clearing)`;

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function up(json: boolean): Promise<number> {
  const startedAt = Date.now();
  const endpoints = await ensureInfra({ log: json ? undefined : say });
  const elapsedMs = Date.now() - startedAt;
  if (json) say(JSON.stringify({ ...endpoints, elapsedMs }));
  else
    say(`infra up in ${(elapsedMs / 1000).toFixed(1)} s: KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`);
  return 0;
}

async function status(json: boolean): Promise<number> {
  const report = await infraStatus();
  say(json ? JSON.stringify(report) : formatStatus(report));
  return report.allUp ? 0 : 1;
}

export const infraCommand: CliCommand = {
  name: 'infra',
  summary: 'start, stop or check the local Kafka and Postgres',
  usage: USAGE,
  async run(args) {
    const { flags, positional } = parseArgs(args);
    const json = flags.has('json');
    switch (positional[0]) {
      case 'up':
        return up(json);
      case 'down':
        await stopInfra({ log: json ? undefined : say });
        return 0;
      case 'status':
        return status(json);
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  },
};
