import { ConsumerCheckpoints1764000000000 } from './1764000000000-ConsumerCheckpoints';
import { PositionAggregator1764100000000 } from './1764100000000-PositionAggregator';
import { ValuationMarks1764150000000 } from './1764150000000-ValuationMarks';
import { MarginAccountRisk1764200000000 } from './1764200000000-MarginAccountRisk';
import { RiskParamChanges1764210000000 } from './1764210000000-RiskParamChanges';
import { DeleveragingCases1764300000000 } from './1764300000000-DeleveragingCases';
import { AccountLifecycle1764410000000 } from './1764410000000-AccountLifecycle';
import { ApiKeys1764400000000 } from './1764400000000-ApiKeys';
import { CollateralVolatility1764420000000 } from './1764420000000-CollateralVolatility';
import { ServiceInstances1764430000000 } from './1764430000000-ServiceInstances';
import { FillLegsWithoutJournalKey1764440000000 } from './1764440000000-FillLegsWithoutJournalKey';

/** Every migration in order. Listed explicitly (not globbed) so the same list works from src and dist. */
export const MIGRATIONS = [
  ConsumerCheckpoints1764000000000,
  PositionAggregator1764100000000,
  ValuationMarks1764150000000,
  MarginAccountRisk1764200000000,
  RiskParamChanges1764210000000,
  DeleveragingCases1764300000000,
  ApiKeys1764400000000,
  AccountLifecycle1764410000000,
  CollateralVolatility1764420000000,
  ServiceInstances1764430000000,
  FillLegsWithoutJournalKey1764440000000,
];
