import { ServiceDescriptor } from './clearing-config';

/**
 * The five services as they describe themselves (name, default HTTP port), in one place: each app configures
 * itself with its own, and the CLI (demo, chaos) and the docker-compose and k8s specs read them all without
 * importing any app's source.
 */
export const SERVICES = {
  clearingApi: { service: 'clearing-api', defaultHttpPort: 3000 },
  positionAggregator: { service: 'position-aggregator', defaultHttpPort: 3001 },
  valuationOracle: { service: 'valuation-oracle', defaultHttpPort: 3002 },
  marginCalculator: { service: 'margin-calculator', defaultHttpPort: 3003 },
  deleveragingEngine: { service: 'deleveraging-engine', defaultHttpPort: 3004 },
} as const satisfies Record<string, ServiceDescriptor>;

/** What docker-compose's Prometheus and the k8s Deployments must agree with. */
export const DEPLOYED_SERVICES: readonly ServiceDescriptor[] = [
  SERVICES.clearingApi,
  SERVICES.positionAggregator,
  SERVICES.valuationOracle,
  SERVICES.marginCalculator,
  SERVICES.deleveragingEngine,
];
