import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BuildInfo } from './build-info';

export const OPENAPI_PATH = 'docs';

/** Serves the OpenAPI document built from the controllers' decorators: UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: INestApplication, description: string): void {
  const { service, version } = app.get(BuildInfo);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(service).setDescription(description).setVersion(version).build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document);
}
