import { bootstrapService } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';

void bootstrapService({ ...SERVICE, module: AppModule });
