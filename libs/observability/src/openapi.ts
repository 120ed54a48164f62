import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BuildInfo } from './build-info';

export const OPENAPI_PATH = 'docs';

/**
 * Serves the OpenAPI document built from the controllers' decorators: UI at /docs, JSON at /docs-json.
 * `customize` adds what decorators cannot say, e.g. the API's security schemes.
 */
export function setupOpenApi(
  app: INestApplication,
  description: string,
  customize: (builder: DocumentBuilder) => DocumentBuilder = (builder) => builder,
): void {
  const { service, version } = app.get(BuildInfo);
  const builder = new DocumentBuilder().setTitle(service).setDescription(description).setVersion(version);
  SwaggerModule.setup(OPENAPI_PATH, app, SwaggerModule.createDocument(app, customize(builder).build()));
}
