import { Kafka, logLevel, LogEntry } from 'kafkajs';

export type KafkaLogSink = (
  level: 'error' | 'warn' | 'info' | 'debug',
  message: string,
  detail: object,
) => void;

const LEVEL_NAMES = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
} as const;

/**
 * A kafkajs client whose own logs go to the service logger (structured, one line each) instead of
 * kafkajs' console logger; only warnings and errors by default, since kafkajs is chatty at info.
 */
export function createKafka(options: {
  clientId: string;
  brokers: string[];
  log?: KafkaLogSink;
  level?: logLevel;
}): Kafka {
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
