import { AddressInfo } from 'node:net';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  ClearingConfig,
  ConfigValidationError,
  parseClearingConfig,
  ServiceDescriptor,
} from '@clearing/config';

export interface BootstrapOptions extends ServiceDescriptor {
  /** The app's root module; it imports ClearingConfigModule.forRoot(descriptor) and ObservabilityModule. */
  readonly module: Type<unknown>;
  /**
   * Wiring that needs the app instance, run before the HTTP server listens: Swagger, or
   * `app.connectMicroservice({ strategy })` for a Kafka transport (started once HTTP is up).
   */
  readonly configure?: (app: INestApplication, config: ClearingConfig) => void | Promise<void>;
}

/**
 * The whole life of a service process: config -> logger -> module -> listen. Exits 1 with a readable
 * message when the environment is invalid or the app cannot start; SIGTERM/SIGINT shut it down cleanly.
 */
export function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  // Validated synchronously, before Nest builds anything, so a bad environment ends the process with the
  // list of bad variables rather than a framework stack trace.
  let config: ClearingConfig;
  try {
    config = parseClearingConfig(process.env, options);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${options.service}: ${error.message}\n`);
    process.exit(1);
  }
  return startService(options, config).catch((error: unknown) => {
    process.stderr.write(
      `${options.service}: failed to start: ${error instanceof Error ? error.stack : error}\n`,
    );
    process.exit(1);
  });
}

async function startService(options: BootstrapOptions, config: ClearingConfig): Promise<INestApplication> {
  const app = await NestFactory.create(options.module, { bufferLogs: true, abortOnError: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  await options.configure?.(app, config);
  await app.listen(config.httpPort, config.httpHost);
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(`listening on http://${config.httpHost}:${port}`, 'Bootstrap');
  // After HTTP is up, so probes answer (not ready) while transports connect to Kafka.
  await app.startAllMicroservices();
  return app;
}
