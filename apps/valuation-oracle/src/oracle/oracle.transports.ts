import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { connectBatchLoop, decodeContract, KafkaBatchTransportOptions } from '@clearing/kafka';
import { ClearingMetrics } from '@clearing/observability';

/** The oracle runs two loops; each handler is bound to its loop by one of these ids. */
export const ORACLE_TRANSPORT = {
  prices: Symbol('valuation-oracle.prices'),
  marksProjection: Symbol('valuation-oracle.marks-projection'),
} as const;

export const PRICES_GROUP = 'valuation-oracle.prices';
export const MARKS_PROJECTION_GROUP = 'valuation-oracle.marks-projection';

/**
 * Connects oracle.prices.v1 -> marks.v1 (transform: exactly once, Kafka to Kafka) and marks.v1 -> Postgres
 * (projection: the latest mark per key with the offsets in one transaction), each with a readiness check.
 * The projection reads back what the oracle published rather than writing in the transform, because a
 * Kafka transaction and a Postgres transaction cannot commit atomically together.
 */
export function connectOracleLoops(app: INestApplication, groupIdPrefix = ''): void {
  const common = { kafka: app.get(Kafka), metrics: app.get(ClearingMetrics), decode: decodeContract };
  const loops: [string, symbol, KafkaBatchTransportOptions][] = [
    [
      'kafka-prices',
      ORACLE_TRANSPORT.prices,
      { ...common, mode: 'transform', groupId: groupIdPrefix + PRICES_GROUP },
    ],
    [
      'kafka-marks-projection',
      ORACLE_TRANSPORT.marksProjection,
      {
        ...common,
        mode: 'projection',
        groupId: groupIdPrefix + MARKS_PROJECTION_GROUP,
        dataSource: app.get(DataSource),
      },
    ],
  ];
  for (const [name, transportId, options] of loops) connectBatchLoop(app, name, { ...options, transportId });
}
