import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  connectBatchLoop,
  decodeContract,
  decodeJournalOwnWrite,
  KafkaBatchTransportOptions,
} from '@clearing/kafka';
import { TOPICS } from '@clearing/contracts';
import { ClearingMetrics } from '@clearing/observability';
import {
  AGGREGATOR_SETTINGS,
  AGGREGATOR_TRANSPORT,
  AggregatorLoop,
  AggregatorSettings,
  EXPIRY_GROUP,
  INTAKE_GROUP,
  PROJECTION_GROUP,
  WRITER_GROUP,
} from './aggregator.settings';
import { ClockTicker } from './clock/clock-ticker';

/**
 * Connects intake (fills -> leg commands), writer (commands -> journal; its partitions to the clock that
 * ticks them), projection (journal -> Postgres)
 * and the expiry bridge (oracle settlement prices -> one InstrumentExpiry per shard): those of
 * AGGREGATOR_LOOPS (all by default).
 */
export function connectAggregatorLoops(app: INestApplication): void {
  const kafka = app.get(Kafka);
  const metrics = app.get(ClearingMetrics);
  const settings = app.get<AggregatorSettings>(AGGREGATOR_SETTINGS);
  const ticker = app.get(ClockTicker);
  const common = { kafka, metrics, decode: decodeContract, sessionTimeoutMs: settings.sessionTimeoutMs };
  const loops: [AggregatorLoop, KafkaBatchTransportOptions][] = [
    [
      'intake',
      { ...common, mode: 'transform', transportId: AGGREGATOR_TRANSPORT.intake, groupId: INTAKE_GROUP },
    ],
    [
      'writer',
      {
        ...common,
        mode: 'transform',
        transportId: AGGREGATOR_TRANSPORT.writer,
        groupId: WRITER_GROUP,
        onAssignment: (assignment) => ticker.own(assignment[TOPICS.ledgerCommands] ?? []),
      },
    ],
    [
      'projection',
      {
        ...common,
        mode: 'projection',
        decode: decodeJournalOwnWrite,
        transportId: AGGREGATOR_TRANSPORT.projection,
        groupId: PROJECTION_GROUP,
        dataSource: app.get(DataSource),
      },
    ],
  ];
  loops.push([
    'expiry',
    { ...common, mode: 'transform', transportId: AGGREGATOR_TRANSPORT.expiry, groupId: EXPIRY_GROUP },
  ]);
  for (const [name, options] of loops)
    if (settings.loops.has(name)) connectBatchLoop(app, `kafka-${name}`, options);
}
