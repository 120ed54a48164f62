import { AggregatorFixture, WorkerRun } from '@clearing/testing';
import { MetricSamples, scrapeMetrics } from './service-metrics';

/**
 * The measured aggregator as one or more processes: `--layout intake,expiry/writer/projection` starts
 * three, each with its AGGREGATOR_LOOPS; no layout starts one process running every loop (the default
 * deployment). Every loop must appear in some process or its stage never drains.
 */
export function parseLayout(raw: string | undefined): string[] {
  return (raw ?? '')
    .split('/')
    .map((loops) => loops.trim())
    .filter((loops) => loops.length > 0);
}

export interface AggregatorProcesses {
  readonly runs: readonly WorkerRun[];
  /** What every process printed so far, each under a header naming its loops. */
  output(): string;
  /** /metrics of every process, summed per series: each loop's counters live in exactly one process. */
  scrape(): Promise<MetricSamples>;
}

export async function startAggregatorProcesses(
  fixture: AggregatorFixture,
  layout: readonly string[],
  env: Record<string, string>,
  openTimeoutMs?: number,
): Promise<AggregatorProcesses> {
  const loopsPerProcess = layout.length > 0 ? layout : [undefined];
  const runs = await Promise.all(
    loopsPerProcess.map((loops) =>
      fixture.start(loops ? { ...env, AGGREGATOR_LOOPS: loops } : env, openTimeoutMs),
    ),
  );
  const baseUrls = runs.map((run) => listeningUrl(run.output()));
  return {
    runs,
    output: () =>
      runs.map((run, i) => `--- ${loopsPerProcess[i] ?? 'all loops'}\n${run.output()}`).join('\n'),
    scrape: async () => summedSamples(await Promise.all(baseUrls.map(scrapeMetrics))),
  };
}

function summedSamples(perProcess: readonly MetricSamples[]): MetricSamples {
  const total: MetricSamples = new Map();
  for (const samples of perProcess)
    for (const [series, value] of samples) total.set(series, (total.get(series) ?? 0) + value);
  return total;
}

export function listeningUrl(output: string): string {
  const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
  if (!match) throw new Error(`no "listening on" line in the aggregator output:\n${output}`);
  return match[1].replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
}
