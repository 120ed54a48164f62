// Test support: a service's Prometheus metrics, read over HTTP as Prometheus would scrape them.
import { WorkerRun } from '@clearing/testing';

export type Samples = { name: string; labels: Record<string, string>; value: number }[];

/** The base URL a service printed when it started listening (HTTP_PORT=0 picks a free port). */
export function urlOf(run: WorkerRun): string {
  const port = /listening on http:\/\/[^:]+:(\d+)/.exec(run.output())?.[1];
  if (port === undefined) throw new Error('the service has not printed its port yet');
  return `http://127.0.0.1:${port}`;
}

export async function scrape(run: WorkerRun): Promise<Samples> {
  const text = await (await fetch(`${urlOf(run)}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('clearing_'))
    .map((line) => {
      const [, name, labelText = '', value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      return { name, labels, value: Number(value) };
    });
}

/** Sum of `name` over the series whose labels include `where`. */
export function sumOf(samples: Samples, name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
