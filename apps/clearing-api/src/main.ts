import { bootstrapService } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';
import { setupOpenApi } from './openapi';

void bootstrapService({ ...SERVICE, module: AppModule, configure: setupOpenApi });
