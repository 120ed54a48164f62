import { Kafka, logLevel, LogEntry } from 'kafkajs';

/** The one default every service, test and CLI command agrees on (docker-compose uses the same). */
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.KAFKA_BROKERS || DEFAULT_KAFKA_BROKERS)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

export type KafkaLogSink = (level: 'error' | 'warn' | 'info' | 'debug', message: string, detail: object) => void;

const LEVEL_NAMES = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug' } as const;

/**
 * A kafkajs client whose own logs go to the service logger (structured, one line each) instead of
 * kafkajs' console logger; only warnings and errors by default, since kafkajs is chatty at info.
 */
export function createKafka(options: { clientId: string; brokers: string[]; log?: KafkaLogSink; level?: logLevel }): Kafka {
  const sink = options.log ?? defaultSink;
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: options.level ?? logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...detail } = log;
        sink(LEVEL_NAMES[level as keyof typeof LEVEL_NAMES] ?? 'info', String(message), detail);
      },
    retry: { initialRetryTime: 100, retries: 8 },
  });
}

function defaultSink(level: string, message: string, detail: object): void {
  process.stderr.write(`${JSON.stringify({ level, source: 'kafkajs', msg: message, ...detail })}\n`);
}
