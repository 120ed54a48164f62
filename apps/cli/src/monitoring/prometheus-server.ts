// Test support: Debian's real `prometheus` binary on a free loopback port, scraping the services with the
// repo's own deploy/prometheus/prometheus.yml, only its targets pointed at where the services listen.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { eventually, freeLoopbackPort } from '@clearing/testing';
import { DEPLOY_DIR } from './dashboards';
import { RULES_DIR } from './promql';

interface ScrapeConfig {
  job_name: string;
  static_configs: { targets: string[] }[];
}

interface PrometheusYml {
  global: Record<string, string>;
  rule_files: string[];
  scrape_configs: ScrapeConfig[];
}

export interface QueryResult {
  readonly status: string;
  readonly error?: string;
  readonly data?: { readonly result: readonly unknown[] };
}

/**
 * The repo's prometheus.yml with each job's target replaced by `portOf[job]` on loopback, scraped every
 * second (CI-sized), and the repo's rule files by absolute path. A job without a port fails loudly.
 */
export function templatedConfig(portOf: Readonly<Record<string, number>>): string {
  const config = parse(
    readFileSync(path.join(DEPLOY_DIR, 'prometheus/prometheus.yml'), 'utf8'),
  ) as PrometheusYml;
  config.global = { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' };
  config.rule_files = [path.join(RULES_DIR, '*.yml')];
  for (const job of config.scrape_configs) {
    const port = portOf[job.job_name];
    if (port === undefined) throw new Error(`no running service for the prometheus.yml job ${job.job_name}`);
    job.static_configs = [{ targets: [`127.0.0.1:${port}`] }];
  }
  return stringify(config);
}

export class PrometheusServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    private readonly output: () => string,
  ) {}

  /** Starts Prometheus with `config` (YAML text); resolves once it reports ready. */
  static async start(config: string): Promise<PrometheusServer> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clearing-prometheus-'));
    writeFileSync(path.join(dataDir, 'prometheus.yml'), config);
    const port = await freeLoopbackPort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${path.join(dataDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dataDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const server = new PrometheusServer(`http://127.0.0.1:${port}`, child, dataDir, () => output);
    await eventually(() => server.ready(), 30_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}: prometheus not ready\n${output.slice(-3000)}`);
    });
    return server;
  }

  /** Instant query through the HTTP API, as Grafana runs a panel's expression. */
  async query(expr: string): Promise<QueryResult> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    return (await response.json()) as QueryResult;
  }

  /** Jobs whose every target was scraped successfully. */
  async healthyJobs(): Promise<string[]> {
    const response = await fetch(`${this.url}/api/v1/targets?state=active`);
    const body = (await response.json()) as {
      data: { activeTargets: { labels: { job: string }; health: string }[] };
    };
    return body.data.activeTargets.filter((t) => t.health === 'up').map((t) => t.labels.job);
  }

  log(): string {
    return this.output().slice(-3000);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async ready(): Promise<true | undefined> {
    const response = await fetch(`${this.url}/-/ready`).catch(() => undefined);
    return response?.ok ? true : undefined;
  }
}
