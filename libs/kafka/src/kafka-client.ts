import { Kafka, logLevel, LogEntry, SASLOptions } from 'kafkajs';
import type { ClearingConfig } from '@clearing/config';

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
 * `sasl` logs in as a principal of a broker that enforces ACLs (config: KAFKA_SASL_*); `ssl` is TLS
 * with the system's trusted CAs, which SASL needs on any network that is not loopback.
 */
export function createKafka(options: {
  clientId: string;
  brokers: string[];
  sasl?: SASLOptions;
  ssl?: boolean;
  log?: KafkaLogSink;
  level?: logLevel;
}): Kafka {
  const sink = options.log ?? defaultSink;
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    sasl: options.sasl,
    ssl: options.ssl,
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

/** A service's client, as its validated configuration says: brokers, client id, login and TLS. */
export function kafkaFromConfig(config: ClearingConfig): Kafka {
  const { kafkaClientId: clientId, kafkaBrokers, kafkaSasl: sasl, kafkaSsl: ssl } = config;
  return createKafka({ clientId, brokers: [...kafkaBrokers], sasl, ssl });
}

function defaultSink(level: string, message: string, detail: object): void {
  process.stderr.write(`${JSON.stringify({ level, source: 'kafkajs', msg: message, ...detail })}\n`);
}
