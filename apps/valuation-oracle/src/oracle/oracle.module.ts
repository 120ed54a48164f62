import { DynamicModule, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { CLEARING_CONFIG } from '@clearing/config';
import { kafkaFromConfig } from '@clearing/kafka';
import { ClearingMetrics } from '@clearing/observability';
import { RegisteredInstruments } from '@clearing/persistence';
import { loadOracleConfig, OracleConfig, oracleConfigFor } from '@clearing/valuation';
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
        RegisteredInstruments,
        {
          provide: OracleEngine,
          inject: [ORACLE_CONFIG, RegisteredInstruments],
          useFactory: (config: OracleConfig, registered: RegisteredInstruments) =>
            followingCatalog(new OracleEngine(config), registered, options.config === undefined),
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

/** The engine marks every instrument the aggregator clears, registered ones too (unless a test fixed its config). */
function followingCatalog(
  engine: OracleEngine,
  registered: RegisteredInstruments,
  follow: boolean,
): OracleEngine {
  if (follow) registered.onChange((definitions) => engine.reconfigure(oracleConfigFor(definitions)));
  return engine;
}
