import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AppModule } from '../app.module';
import { ALLOWED_ROLES } from './allow.decorator';

type Controller = abstract new (...args: never[]) => unknown;

/** Every route handler of the API's own controllers, as `METHOD path (Class.method)`, with its roles. */
function routesOf(controllers: readonly Controller[]): { route: string; access: unknown }[] {
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter(
        (name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, prototype[name] as object),
      )
      .map((name) => {
        const handler = prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as number;
        const path = `${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`;
        return {
          route: `${method} ${path} (${controller.name}.${name})`,
          access:
            Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller),
        };
      });
  });
}

describe('every API route declares who may call it', () => {
  it('given the controllers of AppModule, then each route carries @Allow(...) or @Public()', () => {
    const controllers = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, AppModule) as Controller[];
    const routes = routesOf(controllers);
    assert.ok(routes.length > 1, 'no routes found: the check would prove nothing');
    const undeclared = routes.filter((r) => r.access === undefined).map((r) => r.route);
    assert.deepEqual(undeclared, []);
  });
});
