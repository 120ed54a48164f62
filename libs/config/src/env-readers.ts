import { ConfigIssue } from './config-validation-error';

export type Env = Readonly<Record<string, string | undefined>>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Reads one variable; unset and blank count as absent so that `FOO=` in a compose file or manifest means
 * "use the default" rather than an empty value nobody intended. Problems are pushed, not thrown, so one
 * boot reports all of them.
 */
export class EnvReader {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly env: Env) {}

  string(variable: string, fallback: string): string {
    const raw = this.env[variable]?.trim();
    return raw ? raw : fallback;
  }

  port(variable: string, fallback: number): number {
    const raw = this.string(variable, String(fallback));
    const port = Number(raw);
    if (!/^\d+$/.test(raw) || port > 65535) {
      return this.reject(
        variable,
        `must be an integer from 0 to 65535 (0 picks a free port), got "${raw}"`,
        0,
      );
    }
    return port;
  }

  brokers(variable: string, fallback: string): string[] {
    const brokers = this.string(variable, fallback)
      .split(',')
      .map((broker) => broker.trim());
    const bad = brokers.filter((broker) => !/^[^\s:,]+:\d{1,5}$/.test(broker));
    if (bad.length > 0) {
      return this.reject(
        variable,
        `must be a comma-separated list of host:port, bad entries: ${bad.join(', ')}`,
        [],
      );
    }
    return brokers;
  }

  /** The value is a secret (it may hold a password), so the message never repeats it. */
  postgresUrl(variable: string, fallback: string): string {
    const raw = this.string(variable, fallback);
    if (!URL.canParse(raw) || !['postgres:', 'postgresql:'].includes(new URL(raw).protocol)) {
      return this.reject(
        variable,
        'must be a postgres:// or postgresql:// URL (value not shown: it may hold a password)',
        '',
      );
    }
    return raw;
  }

  logLevel(variable: string, fallback: LogLevel): LogLevel {
    const raw = this.string(variable, fallback).toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
      return this.reject(variable, `must be one of ${LOG_LEVELS.join('|')}, got "${raw}"`, fallback);
    }
    return raw as LogLevel;
  }

  private reject<T>(variable: string, problem: string, placeholder: T): T {
    this.issues.push({ variable, problem });
    return placeholder;
  }
}
