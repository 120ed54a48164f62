import { CliCommand } from '../command';
import { bringUp, runUntilSignal } from '../demo/services-up';
import { Shutdown } from '../demo/shutdown';

const USAGE = `usage: clearing start

Starts Kafka and Postgres (if needed), provisions topics and migrations, starts the five services and
prints where each listens, with no scenario: for people and tests that bring their own traffic (a
matching engine in another language, a load test). Ctrl-C stops every service it started.`;

const say = (line: string): void => void process.stdout.write(`${line}\n`);

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'start infra and the five services with no scenario; Ctrl-C stops them',
  usage: USAGE,
  async run() {
    const shutdown = new Shutdown(say);
    try {
      if (!(await bringUp(shutdown, say))) return 1;
      await runUntilSignal(shutdown, say);
      return 0;
    } finally {
      await shutdown.stopAll();
      shutdown.release();
    }
  },
};
