import path from 'node:path';
import { WorkerRun } from '../crash-harness';
import { eventually } from '../wait';

/**
 * The compiled main of a service (dist/apps/<service>/src/main.js) from this compiled file
 * (dist/libs/testing/src/services): fixtures start services as processes by path, never by importing an
 * app's source.
 */
export function serviceMain(service: string): string {
  return path.resolve(__dirname, '../../../../apps', service, 'src/main.js');
}

/** What a fixture gives every service it starts: its own topics and schema, a free port, a 6 s session. */
export function fixtureEnv(namespace: string, schema: string): Record<string, string> {
  return {
    CLEARING_TOPIC_NAMESPACE: namespace,
    DATABASE_SCHEMA: schema,
    HTTP_PORT: '0',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    LOG_LEVEL: 'info',
  };
}

/** Resolves with the URL a started service listens on, once it says so (within 30 s). */
export async function untilListening(run: WorkerRun): Promise<string> {
  const port = await eventually(
    async () => /listening on http:\/\/[^:]+:(\d+)/.exec(run.output())?.[1],
    30_000,
  );
  return `http://127.0.0.1:${port}`;
}
