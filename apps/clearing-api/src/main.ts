import { bootstrapService, setupOpenApi } from '@clearing/observability';
import { AppModule, SERVICE } from './app.module';
import { API_KEY_SCHEME } from './auth/allow.decorator';
import { apiLimitsFromEnv } from './http/api-limits';
import { hardenHttp } from './http/hardening';
import { serveRiskPage } from './risk-page/serve-risk-page';

const DESCRIPTION =
  'The clearing system front door: reads of accounts, balances, positions, margin, liquidations, netting ' +
  'and reference data, admin key management, and a live risk page at /risk/. Every error is RFC 9457 ' +
  'problem+json. See docs/API.md.';
const KEY_HELP =
  'API key from `clearing keys create` (or POST /v1/admin/api-keys), sent as `Authorization: Bearer <key>`.';

void bootstrapService({
  ...SERVICE,
  module: AppModule,
  configure: (app) => {
    hardenHttp(app, apiLimitsFromEnv(process.env));
    serveRiskPage(app);
    setupOpenApi(app, DESCRIPTION, (builder) =>
      builder.addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'ck_<keyId>_<secret>', description: KEY_HELP },
        API_KEY_SCHEME,
      ),
    );
  },
});
