import { ServiceDescriptor } from '@clearing/config';
import { SERVICE as CLEARING_API } from '../../../clearing-api/src/app.module';
import { SERVICE as DELEVERAGING_ENGINE } from '../../../deleveraging-engine/src/app.module';
import { SERVICE as MARGIN_CALCULATOR } from '../../../margin-calculator/src/app.module';
import { SERVICE as POSITION_AGGREGATOR } from '../../../position-aggregator/src/app.module';
import { SERVICE as VALUATION_ORACLE } from '../../../valuation-oracle/src/app.module';

/**
 * The five services as the apps describe themselves (name, default HTTP port): what docker-compose's
 * Prometheus and the k8s Deployments must agree with. Read by the infra specs only.
 */
export const DEPLOYED_SERVICES: readonly ServiceDescriptor[] = [
  CLEARING_API,
  POSITION_AGGREGATOR,
  VALUATION_ORACLE,
  MARGIN_CALCULATOR,
  DELEVERAGING_ENGINE,
];
