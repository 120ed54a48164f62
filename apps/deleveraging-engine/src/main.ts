import { bootstrapService } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';
import { connectDeleveragingLoops } from './deleveraging.transports';

void bootstrapService({ ...SERVICE, module: AppModule, configure: connectDeleveragingLoops });
