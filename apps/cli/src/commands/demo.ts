import { DEPLOYED_SERVICES } from '../infra/deployed-services';
import { ensureInfra } from '../infra';
import { RunningService, startService, stopServices } from '../demo/service-processes';
import { CliCommand, parseArgs } from '../command';
import { runDemoScenario } from '../demo/demo-scenario';

const USAGE = `usage: clearing demo [--once]

Starts Kafka and Postgres (if needed), provisions topics and migrations, starts the five services and
prints where each listens; then clears a small scenario (deposits, fills including a repeat and a
malformed one, published as a matching engine would), prints the booked positions and balances and
runs clearing verify. Runs until Ctrl-C; --once stops everything afterwards.`;

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function describe(running: readonly RunningService[]): string {
  const rows = running.map(
    (s) =>
      `  ${s.service.padEnd(22)} ${s.url.padEnd(24)} health ${s.url}/health/ready  metrics ${s.url}/metrics`,
  );
  return [
    'services:',
    ...rows,
    `  (OpenAPI of the clearing-api at ${running.find((s) => s.service === 'clearing-api')?.url}/docs; logs in .infra/demo/)`,
  ].join('\n');
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'start infra and every service, print where each listens',
  usage: USAGE,
  async run(args) {
    const once = parseArgs(args).flags.has('once');
    const endpoints = await ensureInfra({ log: (line) => say(`infra: ${line}`) });
    const env = {
      ...process.env,
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      DATABASE_URL: endpoints.databaseUrl,
    };
    const results = await Promise.allSettled(DEPLOYED_SERVICES.map((d) => startService(d, env)));
    const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    if (failed.length > 0) {
      await stopServices(running);
      failed.forEach((reason) => process.stderr.write(`demo: ${reason}\n`));
      return 1;
    }
    say(`kafka ${endpoints.kafkaBrokers.join(',')}  postgres ${endpoints.databaseUrl}`);
    say(describe(running));
    const verified = await runDemoScenario(endpoints, say).catch((error: unknown) => {
      process.stderr.write(`demo: the clearing scenario failed: ${String(error)}\n`);
      return false;
    });
    if (!once) {
      say('press Ctrl-C to stop');
      await new Promise<void>((resolve) =>
        ['SIGINT', 'SIGTERM'].forEach((s) => process.once(s, () => resolve())),
      );
    }
    await stopServices(running);
    say('all services stopped');
    return verified ? 0 : 1;
  },
};
