import { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS, kafkaBrokersFromEnv } from '@clearing/config';

// The services read the same two variables with the same defaults (libs/config): one definition for both.
export { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS, kafkaBrokersFromEnv };

/** The two addresses every service, test and the demo read from the environment. */
export interface InfraEndpoints {
  readonly kafkaBrokers: string[];
  readonly databaseUrl: string;
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

export function parseHostPort(address: string): HostPort {
  const colon = address.lastIndexOf(':');
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`expected host:port, got "${address}"`);
  }
  return { host: address.slice(0, colon).replace(/^\[|\]$/g, ''), port };
}

/** Only a loopback address can be served by a broker or cluster this machine starts itself. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The same URL pointed at another database on the same server (to run CREATE DATABASE from `postgres`). */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function withPort(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.port = String(port);
  return url.toString();
}

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactPassword(databaseUrl)}`);
  return name;
}

/** URLs are printed in status output and errors: never print a password. */
export function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable DATABASE_URL>';
  }
}
