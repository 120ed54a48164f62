import { DEPLOYED_SERVICES } from '@clearing/config';
import { ensureInfra, InfraEndpoints } from '../infra';
import { RunningService, startService } from './service-processes';
import { Shutdown } from './shutdown';

export interface ServicesUp {
  readonly endpoints: InfraEndpoints;
  readonly running: readonly RunningService[];
}

/**
 * What `clearing start` and `clearing demo` share: Kafka and Postgres answering (started if needed,
 * topics and migrations provisioned), then the five services, each a child `shutdown` owns. Extra
 * environment (the demo's fast liquidation rounds) is passed to every service. Undefined when a service
 * failed to start: what did start is stopped again and the reasons are printed.
 */
export async function bringUp(
  shutdown: Shutdown,
  say: (line: string) => void,
  serviceEnv: Readonly<Record<string, string>> = {},
): Promise<ServicesUp | undefined> {
  const endpoints = await ensureInfra({ log: (line) => say(`infra: ${line}`) });
  const env = {
    ...process.env,
    ...serviceEnv,
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    DATABASE_URL: endpoints.databaseUrl,
  };
  const results = await Promise.allSettled(DEPLOYED_SERVICES.map((d) => startService(d, env, shutdown)));
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
  if (failed.length > 0) {
    await shutdown.stopAll();
    failed.forEach((reason) => process.stderr.write(`${reason}\n`));
    return undefined;
  }
  say(`kafka ${endpoints.kafkaBrokers.join(',')}  postgres ${endpoints.databaseUrl}`);
  say(describeServices(running));
  return { endpoints, running };
}

/** Where each service listens, its probes, and the API's docs and risk page. */
export function describeServices(running: readonly RunningService[]): string {
  const rows = running.map(
    (s) =>
      `  ${s.service.padEnd(22)} ${s.url.padEnd(24)} health ${s.url}/health/ready  metrics ${s.url}/metrics`,
  );
  const api = running.find((s) => s.service === 'clearing-api')?.url;
  return [
    'services:',
    ...rows,
    `  clearing API ${api}  OpenAPI ${api}/docs  risk page ${api}/risk (auditor or operator key)`,
    '  logs in .infra/demo/',
  ].join('\n');
}

/** Interactive end: the services keep running until Ctrl-C (or SIGTERM/SIGHUP), then all are stopped. */
export async function runUntilSignal(shutdown: Shutdown, say: (line: string) => void): Promise<void> {
  say('press Ctrl-C to stop');
  const signal = await shutdown.nextSignal();
  say(`${signal}: stopping the services`);
  await shutdown.stopAll();
  say('all services stopped');
}
