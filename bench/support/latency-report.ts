import { FillLatencies, LegTimes, percentiles } from './leg-latency';

export interface LoadFigures {
  readonly measuredFills: number;
  readonly achievedFillsPerSecond: number;
  readonly maxBehindScheduleMs: number;
  /** margin.v1 messages during the whole load (warm-up included) per fill published, by cause. */
  readonly marginPerFill: { journal: number; mark: number };
  /** CPU seconds of the margin process per wall second of the load (1.0 = one core). */
  readonly marginCpuCores: number;
  /** Journal events per batch of the margin service's journal loop, and the batch's mean duration. */
  readonly journalEventsPerBatch: number;
  readonly journalBatchMs: number;
}

type Row = [label: string, samples: (latencies: FillLatencies) => readonly number[]];

const perLeg = (span: (leg: LegTimes) => number) => (l: FillLatencies) => l.legs.map(span);

const ROWS: Row[] = [
  ['**fill published -> margin.v1 received**, per party', perLeg((t) => t.receivedAtMs - t.publishedAtMs)],
  ["fill published -> both parties' margin.v1 received", (l) => l.bothPartiesMs],
  [
    'of which: published -> journal record written (aggregator)',
    perLeg((t) => t.writtenAtMs - t.publishedAtMs),
  ],
  ['- of which: published -> leg command sent (intake)', perLeg((t) => t.novatedAtMs - t.publishedAtMs)],
  [
    '- of which: leg command sent -> journal record sent (writer)',
    perLeg((t) => t.writtenAtMs - t.novatedAtMs),
  ],
  [
    'of which: journal written -> margin computed (margin service)',
    perLeg((t) => t.computedAtMs - t.writtenAtMs),
  ],
  [
    'of which: computed -> margin.v1 received (publish + fetch)',
    perLeg((t) => t.receivedAtMs - t.computedAtMs),
  ],
];

/** A markdown table of the latency percentiles, then the load's own figures, ready for PERFORMANCE.md. */
export function printLatencyReport(latencies: FillLatencies, load: LoadFigures): void {
  const lines = [
    '| span (ms) | p50 | p90 | p99 | max | samples |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [label, samples] of ROWS) {
    const p = percentiles(samples(latencies));
    lines.push(`| ${label} | ${[p.p50, p.p90, p.p99, p.max, p.count].map(integer).join(' | ')} |`);
  }
  lines.push(
    '',
    `measured fills: ${integer(load.measuredFills)}, achieved ${load.achievedFillsPerSecond.toFixed(1)} fills/s ` +
      `(publisher at most ${integer(load.maxBehindScheduleMs)} ms behind schedule)`,
    `margin.v1 per fill: ${load.marginPerFill.journal.toFixed(2)} by journal, ${load.marginPerFill.mark.toFixed(2)} by mark`,
    `margin service: ${load.marginCpuCores.toFixed(2)} cores; journal loop ${load.journalEventsPerBatch.toFixed(1)} ` +
      `events per batch, ${load.journalBatchMs.toFixed(1)} ms per batch`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
