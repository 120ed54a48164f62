import { EnvReader } from './env-readers';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** The principal a service logs in as; the broker's ACLs (TOPIC_ACCESS) decide what it may do. */
export interface KafkaSasl {
  readonly mechanism: KafkaSaslMechanism;
  readonly username: string;
  /** A secret: the logger redacts `*.password`, and no validation message repeats it. */
  readonly password: string;
}

export interface KafkaAuth {
  /** Absent: no authentication, as on the local development broker. */
  readonly kafkaSasl?: KafkaSasl;
  /** TLS to the brokers (KAFKA_SSL=true), so SASL credentials never cross a network in clear. */
  readonly kafkaSsl: boolean;
}

const SASL_VARIABLES = ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const;

/**
 * KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: all three or none, since a
 * half-configured login would only fail later, at the broker, with a less helpful message.
 */
export function readKafkaAuth(read: EnvReader): KafkaAuth {
  const kafkaSsl = readSsl(read);
  const [mechanism, username, password] = SASL_VARIABLES.map((variable) => read.string(variable, ''));
  const missing = SASL_VARIABLES.filter((variable) => read.string(variable, '') === '');
  if (missing.length === SASL_VARIABLES.length) return { kafkaSsl };
  for (const variable of missing)
    read.issues.push({ variable, problem: `must be set too: ${SASL_VARIABLES.join(', ')} go together` });
  const lower = mechanism.toLowerCase();
  if (mechanism && !(KAFKA_SASL_MECHANISMS as readonly string[]).includes(lower)) {
    const problem = `must be one of ${KAFKA_SASL_MECHANISMS.join('|')}, got "${mechanism}"`;
    read.issues.push({ variable: 'KAFKA_SASL_MECHANISM', problem });
  }
  return { kafkaSsl, kafkaSasl: { mechanism: lower as KafkaSaslMechanism, username, password } };
}

function readSsl(read: EnvReader): boolean {
  const raw = read.string('KAFKA_SSL', 'false').toLowerCase();
  if (raw !== 'true' && raw !== 'false')
    read.issues.push({ variable: 'KAFKA_SSL', problem: `must be true or false, got "${raw}"` });
  return raw === 'true';
}
