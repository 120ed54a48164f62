import { Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CLEARING_CONFIG, ClearingConfigModule, SERVICES } from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';
import { JournalCodec } from '@clearing/ledger';
import { ClearingMetrics, ObservabilityModule } from '@clearing/observability';
import { DatabaseModule } from '@clearing/persistence';
import { AggregatorMetrics } from './aggregator-metrics';
import { AGGREGATOR_SETTINGS, AggregatorSettings, aggregatorSettingsFromEnv } from './aggregator.settings';
import { ClockTicker } from './clock/clock-ticker';
import { ExpiryBridgeHandler } from './expiry/expiry-bridge.handler';
import { FillIntakeHandler } from './intake/fill-intake.handler';
import { loadInstrumentFile, registeredTermsOf } from '@clearing/contracts';
import { ReferenceDataRepository } from './intake/reference-data.repository';
import { JournalShards, kafkaJournalReader } from './journal/journal-shards';
import { JournalWriterHandler } from './journal/journal-writer.handler';
import { JournalProjectionHandler } from './projection/journal-projection.handler';

export const SERVICE = SERVICES.positionAggregator;

/**
 * The clearinghouse's book of record: novates fills into leg commands, is the single writer of the
 * journal for its account partitions, and projects positions and balances into Postgres.
 */
@Module({
  imports: [ClearingConfigModule.forRoot(SERVICE), ObservabilityModule.forRoot(), DatabaseModule.forRoot()],
  controllers: [FillIntakeHandler, JournalWriterHandler, JournalProjectionHandler, ExpiryBridgeHandler],
  providers: [
    ClockTicker,
    { provide: AGGREGATOR_SETTINGS, useFactory: () => aggregatorSettingsFromEnv() },
    { provide: JournalCodec, useFactory: () => new JournalCodec() },
    {
      provide: AggregatorMetrics,
      inject: [ClearingMetrics],
      useFactory: (metrics: ClearingMetrics) => new AggregatorMetrics(metrics),
    },
    {
      provide: Kafka,
      inject: [CLEARING_CONFIG],
      useFactory: kafkaFromConfig,
    },
    {
      provide: JournalShards,
      inject: [Kafka, JournalCodec, AGGREGATOR_SETTINGS],
      useFactory: (kafka: Kafka, codec: JournalCodec, settings: AggregatorSettings) =>
        new JournalShards(
          kafkaJournalReader(kafka, codec),
          settings.cyclePolicy,
          codec.scaleOf,
          registeredTermsOf(loadInstrumentFile(), codec.assets),
        ),
    },
    {
      provide: ReferenceDataRepository,
      inject: [DataSource, JournalCodec, AGGREGATOR_SETTINGS],
      useFactory: (dataSource: DataSource, codec: JournalCodec, settings: AggregatorSettings) =>
        new ReferenceDataRepository(dataSource, codec.assets, settings.selfTradeVenues, () =>
          loadInstrumentFile(),
        ),
    },
  ],
})
export class AppModule {}
