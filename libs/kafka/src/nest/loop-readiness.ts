import { INestApplication, Logger } from '@nestjs/common';
import { serviceCredentialFromEnv } from '@clearing/config';
import { LivenessRegistry, ReadinessRegistry } from '@clearing/observability';
import { LoopStatus } from '../batch-consumer';
import { LoopLog } from '../partition-halt';
import { exposeHaltResume } from './halt-resume';
import { KafkaBatchTransport, KafkaBatchTransportOptions } from './kafka-batch.transport';

/**
 * Readiness of a consume loop for /health/ready: joined its group and no partition halted. A halted
 * partition makes the instance unready on purpose: the ledger needs a person, not more traffic.
 */
export function loopReadinessCheck(status: () => LoopStatus) {
  return async () => {
    const current = status();
    return { up: current.joined && current.haltedPartitions.length === 0, detail: { ...current } };
  };
}

/** Liveness of a consume loop for /health/live: down only once it died and could not come back. */
export function loopLivenessCheck(status: () => LoopStatus) {
  return async () => {
    const { alive, running, joined } = status();
    return { up: alive, detail: { alive, running, joined } };
  };
}

/**
 * Connects one batch loop to a Nest app as a microservice (started by startAllMicroservices), registers
 * its readiness and liveness probes under `name`, and lets an operator resume its halted partitions
 * (POST /internal/halted-partitions/resume, service credential).
 */
export function connectBatchLoop(
  app: INestApplication,
  name: string,
  options: KafkaBatchTransportOptions,
): KafkaBatchTransport {
  // Halts, their once-a-minute reminders and loop replacements go to the service's log by default.
  const transport = new KafkaBatchTransport({ log: nestLoopLog(name), ...options });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  app.get(ReadinessRegistry).register(
    name,
    loopReadinessCheck(() => transport.loopStatus()),
  );
  app.get(LivenessRegistry).register(
    name,
    loopLivenessCheck(() => transport.loopStatus()),
  );
  exposeHaltResume(app, transport, serviceCredentialFromEnv(process.env));
  return transport;
}

function nestLoopLog(name: string): LoopLog {
  const logger = new Logger(name);
  return (level, message, detail = {}) =>
    level === 'error' ? logger.error(detail, message) : logger.log(detail, message);
}
