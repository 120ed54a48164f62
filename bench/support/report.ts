import { AggregatorMeasurement, Stage } from './aggregator-pass';

export interface RunFigures {
  aggregator: AggregatorMeasurement;
  /** Messages per second of the bare consume -> produce pass-through. */
  ceilingPlain: number;
  ceilingTransactional: number;
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
  ...STAGES.flatMap((stage): Row[] => [
    [`${stage}: time inside batches`, 's', (r) => r.aggregator.busySeconds[stage]],
    [`${stage}: batches`, 'count', (r) => r.aggregator.batches[stage]],
  ]),
];

/** A markdown table of the median (and range) over runs of every figure, ready for docs/PERFORMANCE.md. */
export function printRuns(runs: readonly RunFigures[]): void {
  const lines = ['| figure | unit | median | min | max |', '| --- | --- | ---: | ---: | ---: |'];
  for (const [label, unit, valueOf] of ROWS) {
    const values = runs.map(valueOf).sort((a, b) => a - b);
    const shown = [median(values), values[0], values[values.length - 1]].map((v) => format(v, unit));
    lines.push(`| ${label} | ${unit} | ${shown.join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function format(value: number, unit: string): string {
  const digits = unit === 'cores' || unit === 's' ? 2 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
