import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { CLEARING_CONFIG, ClearingConfig, releaseVersion } from '@clearing/config';
import { BuildInfo } from './build-info';
import { ClearingMetrics } from './clearing-metrics';
import { ExitAfterShutdown } from './exit-after-shutdown';
import { HealthController } from './health.controller';
import { loggerOptions } from './logger-options';
import { MetricsController } from './metrics.controller';
import { LivenessRegistry, ReadinessRegistry } from './readiness-registry';

export interface ObservabilityOptions {
  /** Release version on logs and `clearing_build_info`; the root package.json version by default. */
  readonly version?: string;
}

/**
 * Global module giving every service the same operational surface: `/health/live`, `/health/ready`,
 * `/metrics`, pino JSON logs, and the injectable ClearingMetrics, ReadinessRegistry and BuildInfo.
 * The service name and log level come from CLEARING_CONFIG, so ClearingConfigModule must be imported too.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions = {}): DynamicModule {
    const version = options.version ?? releaseVersion();
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        // Terminus would log every failed probe; HealthController logs readiness transitions instead.
        TerminusModule.forRoot({ logger: false }),
        LoggerModule.forRootAsync({
          inject: [CLEARING_CONFIG],
          useFactory: (config: ClearingConfig) =>
            loggerOptions({ service: config.serviceName, version, level: config.logLevel }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: BuildInfo,
          inject: [CLEARING_CONFIG],
          useFactory: (config: ClearingConfig) => new BuildInfo(config.serviceName, version),
        },
        {
          provide: ClearingMetrics,
          inject: [BuildInfo],
          useFactory: (build: BuildInfo) => new ClearingMetrics({ build }),
        },
        { provide: ReadinessRegistry, useFactory: () => new ReadinessRegistry() },
        { provide: LivenessRegistry, useFactory: () => new LivenessRegistry() },
        ExitAfterShutdown,
      ],
      exports: [BuildInfo, ClearingMetrics, ReadinessRegistry, LivenessRegistry],
    };
  }
}
