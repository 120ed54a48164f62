import { AggregatorMeasurement, Stage } from './aggregator-pass';
import { CeilingMeasurement } from './ceiling-pass';
import { STAGES as SPANS } from './stage-latency';

export interface RunFigures {
  aggregator: AggregatorMeasurement;
  /** The same topology with identity transforms, same run (see measureCeiling). */
  topology: CeilingMeasurement;
  /** Messages per second of the bare consume -> produce pass-through. */
  ceilingPlain: number;
  ceilingTransactional: number;
  /** The box's 1-minute load average when the run started and when it ended (`os.loadavg()`). */
  loadAverage: { atStart: number; atEnd: number };
}

type Row = [label: string, unit: string, valueOf: (run: RunFigures) => number];

const STAGES: Stage[] = ['intake', 'writer', 'projection'];

const ROWS: Row[] = [
  ['aggregator boot (spawn -> listening), not counted', 'ms', (r) => r.aggregator.bootMs],
  ['aggregator: fills -> leg commands (intake done)', 'fills/s', (r) => r.aggregator.intakeFillsPerSecond],
  ['aggregator: fills -> journal (FillCleared x2)', 'fills/s', (r) => r.aggregator.journalFillsPerSecond],
  ['aggregator: fills -> Postgres (fill_legs x2)', 'fills/s', (r) => r.aggregator.postgresFillsPerSecond],
  ['writer start: first leg -> first journal commit (restores)', 'ms', (r) => r.aggregator.writerStartMs],
  ['journal rate after the writer started', 'fills/s', (r) => r.aggregator.journalSteadyFillsPerSecond],
  ['topology ceiling: fills -> journal', 'fills/s', (r) => r.topology.journalFillsPerSecond],
  ['topology ceiling: fills -> Postgres', 'fills/s', (r) => r.topology.postgresFillsPerSecond],
  [
    '**journal rate / topology ceiling**',
    '%',
    (r) => (100 * r.aggregator.journalFillsPerSecond) / r.topology.journalFillsPerSecond,
  ],
  [
    '**Postgres rate / topology ceiling**',
    '%',
    (r) => (100 * r.aggregator.postgresFillsPerSecond) / r.topology.postgresFillsPerSecond,
  ],
  ['ceiling: kafkajs consume -> produce, acks -1', 'msg/s', (r) => r.ceilingPlain],
  ['ceiling: same, one transaction + sendOffsets per batch', 'msg/s', (r) => r.ceilingTransactional],
  ['journal rate / plain ceiling', '%', (r) => (100 * r.aggregator.journalFillsPerSecond) / r.ceilingPlain],
  [
    'journal rate / transactional ceiling',
    '%',
    (r) => (100 * r.aggregator.journalFillsPerSecond) / r.ceilingTransactional,
  ],
  ['Postgres rate / plain ceiling', '%', (r) => (100 * r.aggregator.postgresFillsPerSecond) / r.ceilingPlain],
  [
    'Postgres rate / transactional ceiling',
    '%',
    (r) => (100 * r.aggregator.postgresFillsPerSecond) / r.ceilingTransactional,
  ],
  ['aggregator CPU while draining', 'cores', (r) => r.aggregator.cpuCores],
  ['**CPU per fill: aggregator process**', 'µs', (r) => r.aggregator.cpuMicrosPerFill.aggregator],
  ['CPU per fill: Kafka broker', 'µs', (r) => r.aggregator.cpuMicrosPerFill.broker],
  ['CPU per fill: Postgres (all its processes)', 'µs', (r) => r.aggregator.cpuMicrosPerFill.postgres],
  ['CPU per fill: topology ceiling, its loops', 'µs', (r) => r.topology.cpuMicrosPerFill.loops],
  ['... of which GC pauses of that process', 'µs', (r) => r.topology.cpuMicrosPerFill.loopsGc],
  ['CPU per fill: topology ceiling, broker', 'µs', (r) => r.topology.cpuMicrosPerFill.broker],
  ['CPU per fill: topology ceiling, Postgres', 'µs', (r) => r.topology.cpuMicrosPerFill.postgres],
  ...SPANS.flatMap((span): Row[] => [
    [`latency p50: ${span}`, 'ms', (r) => r.aggregator.stageLatencyMs[span].p50],
    [`latency p99: ${span}`, 'ms', (r) => r.aggregator.stageLatencyMs[span].p99],
  ]),
  ...STAGES.flatMap((stage): Row[] => [
    [`${stage}: time inside batches`, 's', (r) => r.aggregator.busySeconds[stage]],
    [`${stage}: batches`, 'count', (r) => r.aggregator.batches[stage]],
  ]),
  ['load average (1 min) at start', '', (r) => r.loadAverage.atStart],
  ['load average (1 min) at end', '', (r) => r.loadAverage.atEnd],
];

/** A markdown table of the median (and range) over runs of every figure, ready for docs/PERFORMANCE.md. */
export function printRuns(runs: readonly RunFigures[]): void {
  const lines = ['| figure | unit | median | min | max |', '| --- | --- | ---: | ---: | ---: |'];
  for (const { label, unit, median, min, max } of summary(runs)) {
    const shown = [median, min, max].map((v) => format(v, unit));
    lines.push(`| ${label} | ${unit} | ${shown.join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The same figures as one JSON document: every run in full, then median, min and max per figure. */
export function printRunsJson(runs: readonly RunFigures[], setup: Record<string, number>): void {
  process.stdout.write(`${JSON.stringify({ ...setup, runs, summary: summary(runs) }, null, 2)}\n`);
}

function summary(runs: readonly RunFigures[]) {
  return ROWS.map(([label, unit, valueOf]) => {
    const values = runs.map(valueOf).sort((a, b) => a - b);
    return { label, unit, median: median(values), min: values[0], max: values[values.length - 1] };
  });
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function format(value: number, unit: string): string {
  const digits = unit === 'cores' || unit === 's' || unit === '' ? 2 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
