import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ClearingConfig, parseClearingConfig, ServiceDescriptor } from './clearing-config';
import { Env } from './env-readers';

/** Injection token of the validated ClearingConfig: `@Inject(CLEARING_CONFIG) config: ClearingConfig`. */
export const CLEARING_CONFIG = 'CLEARING_CONFIG';

// Nested under one key because @nestjs/config copies top-level string/number keys of the validated object
// back into process.env; an object value is left alone.
const VALIDATED_KEY = 'clearing';

export interface ClearingConfigModuleOptions {
  /** Environment to validate instead of process.env (tests). */
  readonly env?: Env;
}

/**
 * Global module: validates the environment once when the app module is built and provides CLEARING_CONFIG
 * (plus @nestjs/config's ConfigService). No .env file is read: the process environment is the only source,
 * the same locally, in CI and in k8s.
 */
@Module({})
export class ClearingConfigModule {
  static forRoot(descriptor: ServiceDescriptor, options: ClearingConfigModuleOptions = {}): DynamicModule {
    return {
      module: ClearingConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          validate: (processEnv) => ({
            [VALIDATED_KEY]: parseClearingConfig(options.env ?? processEnv, descriptor),
          }),
        }),
      ],
      providers: [
        {
          provide: CLEARING_CONFIG,
          inject: [ConfigService],
          useFactory: (configService: ConfigService): ClearingConfig =>
            configService.getOrThrow<ClearingConfig>(VALIDATED_KEY),
        },
      ],
      exports: [CLEARING_CONFIG],
    };
  }
}
