import { bootstrapService } from '@clearing/observability';
import { connectAggregatorLoops } from './aggregator.transports';
import { AppModule, SERVICE } from './app.module';

void bootstrapService({ ...SERVICE, module: AppModule, configure: (app) => connectAggregatorLoops(app) });
