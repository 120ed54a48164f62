import { bootstrapService, setupOpenApi } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';
import { connectMarginLoops } from './margin.transports';

void bootstrapService({
  ...SERVICE,
  module: AppModule,
  configure: (app) => {
    setupOpenApi(
      app,
      'Margin calculator: margin now, pre-trade what-if and withdrawals against free collateral.',
    );
    connectMarginLoops(app);
  },
});
