import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BuildInfo } from '@clearing/observability';

export const OPENAPI_PATH = 'docs';

/** Serves the OpenAPI document built from the controllers' decorators: UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const { service, version } = app.get(BuildInfo);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(service)
      .setDescription('Clearing system API: system information now; accounts, margin and what-if to come.')
      .setVersion(version)
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document);
}
