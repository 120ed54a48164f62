import { bootstrapService, setupOpenApi } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';

void bootstrapService({
  ...SERVICE,
  module: AppModule,
  configure: (app) =>
    setupOpenApi(
      app,
      'Clearing system API: system information; margin checks are served by the margin calculator.',
    ),
});
