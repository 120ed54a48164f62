import { CheckpointTrail } from './checkpoint-trail';
import { percentiles, Percentiles } from './leg-latency';
import { PipelineRecords } from './pipeline-records';

/** The hops of one side of one fill, from record timestamps (one host, one clock). */
export const STAGES = [
  'fill -> leg command',
  'leg command -> journal event',
  'journal event -> Postgres commit',
  'fill -> Postgres commit',
] as const;
export type StageSpan = (typeof STAGES)[number];

/**
 * Per leg: the fill's CreateTime (the bench loads every fill before the aggregator starts, so the first
 * span is mostly time queued in the backlog), the leg command's and the journal event's CreateTimes
 * (stamped at send, inside each hop's transaction) and the Postgres commit of the journal record (see
 * CheckpointTrail: resolution one poll).
 */
export function stageLatencies(
  records: PipelineRecords,
  trail: CheckpointTrail,
): Record<StageSpan, Percentiles> {
  const spans = new Map<StageSpan, number[]>(STAGES.map((stage) => [stage, []]));
  const add = (stage: StageSpan, ms: number) => spans.get(stage)!.push(ms);
  for (const { record, legKey } of records.journal) {
    if (legKey === undefined) continue;
    const leg = records.legs.get(legKey);
    const fill = records.fills.get(legKey.slice(0, legKey.lastIndexOf(':')));
    const committedAtMs = trail.committedAt(record.partition, BigInt(record.offset));
    if (!leg || !fill || committedAtMs === undefined)
      throw new Error(`leg ${legKey} has no fill, leg command or Postgres commit on record`);
    add('fill -> leg command', leg.record.timestampMs - fill.timestampMs);
    add('leg command -> journal event', record.timestampMs - leg.record.timestampMs);
    add('journal event -> Postgres commit', committedAtMs - record.timestampMs);
    add('fill -> Postgres commit', committedAtMs - fill.timestampMs);
  }
  return Object.fromEntries(STAGES.map((stage) => [stage, percentiles(spans.get(stage)!)])) as Record<
    StageSpan,
    Percentiles
  >;
}
