import { freeLoopbackPort, serviceMain, SupervisedService } from '@clearing/testing';
import { DEPLOYED_SERVICES } from '@clearing/config';
import { InfraEndpoints } from '../infra/endpoints';

/**
 * The five services pointed at the private infra, each on its own free port (stable across restarts,
 * like a Service in front of a pod). Sessions time out in 6 s so a killed member's partitions move on.
 */
export async function chaosServices(endpoints: InfraEndpoints): Promise<SupervisedService[]> {
  const services: SupervisedService[] = [];
  for (const { service } of DEPLOYED_SERVICES) {
    services.push({
      name: service,
      script: serviceMain(service),
      httpPort: await freeLoopbackPort(),
      env: {
        KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
        DATABASE_URL: endpoints.databaseUrl,
        DATABASE_SCHEMA: '',
        CLEARING_TOPIC_NAMESPACE: '',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        // Netting cycles close by the writer's clock within ~6 s of their first event (under the faults too),
        // well inside the quiet time the checks wait for; the default minute would close one after it.
        NETTING_CYCLE_MS: '5000',
        LOG_LEVEL: 'info',
      },
    });
  }
  return services;
}
