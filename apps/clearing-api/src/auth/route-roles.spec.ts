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

/** The controllers of a module and of every (static) module it imports: the feature modules' routes too. */
function controllersOf(module: object, seen = new Set<object>()): Controller[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const own = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Controller[];
  const imports = (Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? []) as object[];
  return [...own, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

describe('every API route declares who may call it', () => {
  it('given the controllers of AppModule and its modules, then each route carries @Allow(...) or @Public()', () => {
    const controllers = controllersOf(AppModule);
    assert.ok(
      controllers.some((c) => c.name === 'WithdrawalsController'),
      'the feature modules are walked',
    );
    const routes = routesOf(controllers);
    assert.ok(routes.length > 1, 'no routes found: the check would prove nothing');
    const undeclared = routes.filter((r) => r.access === undefined).map((r) => r.route);
    assert.deepEqual(undeclared, []);
  });
});
