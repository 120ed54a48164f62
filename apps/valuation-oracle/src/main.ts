import { bootstrapService } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';
import { connectOracleLoops } from './oracle/oracle.transports';

void bootstrapService({ ...SERVICE, module: AppModule, configure: (app) => connectOracleLoops(app) });
