import path from 'node:path';

/**
 * The compiled main of a service (dist/apps/<service>/src/main.js) from this compiled file
 * (dist/libs/testing/src/services): fixtures start services as processes by path, never by importing an
 * app's source.
 */
export function serviceMain(service: string): string {
  return path.resolve(__dirname, '../../../../apps', service, 'src/main.js');
}
