import { DynamicModule, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { CLEARING_CONFIG } from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';
import { ClearingMetrics } from '@clearing/observability';
import { loadOracleConfig, OracleConfig } from '@clearing/valuation';
import { MarksProjectionHandler } from '../marks/marks-projection.handler';
import { OracleEngine } from './oracle-engine';
import { OracleMetrics } from './oracle-metrics';
import { PricesHandler } from './prices.handler';

export const ORACLE_CONFIG = Symbol('ORACLE_CONFIG');

export interface OracleModuleOptions {
  /** Instruments and parameters; read from config/ when absent (tests pass their own). */
  readonly config?: OracleConfig;
}

/** The oracle's handlers, its engine (state per input partition) and the Kafka client its loops share. */
@Module({})
export class OracleModule {
  static forRoot(options: OracleModuleOptions = {}): DynamicModule {
    return {
      module: OracleModule,
      controllers: [PricesHandler, MarksProjectionHandler],
      providers: [
        { provide: ORACLE_CONFIG, useFactory: () => options.config ?? loadOracleConfig() },
        {
          provide: OracleEngine,
          inject: [ORACLE_CONFIG],
          useFactory: (config: OracleConfig) => new OracleEngine(config),
        },
        {
          provide: OracleMetrics,
          inject: [ClearingMetrics],
          useFactory: (metrics: ClearingMetrics) => new OracleMetrics(metrics),
        },
        {
          provide: Kafka,
          inject: [CLEARING_CONFIG],
          useFactory: kafkaFromConfig,
        },
      ],
      exports: [Kafka],
    };
  }
}
