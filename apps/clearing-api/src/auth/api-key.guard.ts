import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Type,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CachedKeyAuthenticator, roleAllowed } from '@clearing/access';
import { HealthController, MetricsController } from '@clearing/observability';
import { ALLOWED_ROLES, PUBLIC_ROUTE, RouteAccess } from './allow.decorator';
import { bearerToken, RequestWithPrincipal } from './principal';

/** Probes for Kubernetes and Prometheus, from the shared observability module: open like in every service. */
const PROBE_CONTROLLERS: ReadonlySet<Type<unknown>> = new Set([HealthController, MetricsController]);

export function isProbe(context: ExecutionContext): boolean {
  return PROBE_CONTROLLERS.has(context.getClass());
}

/**
 * Authenticates the bearer API key and checks the route's declared roles: 401 when the key is missing,
 * malformed, unknown or revoked (cached only while revocations are heard, so one takes effect at once);
 * 403 when the key's role is not allowed; 403 for a route that declares no roles (fail closed).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: CachedKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isProbe(context)) return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === PUBLIC_ROUTE) return true;
    if (access === undefined) throw new ForbiddenException('this route declares no roles');
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const token = bearerToken(request);
    if (token === undefined)
      throw new UnauthorizedException('missing API key: send Authorization: Bearer <key>');
    const principal = await this.keys.authenticate(token);
    if (principal === undefined) throw new UnauthorizedException('invalid or revoked API key');
    if (!roleAllowed(principal, access)) {
      throw new ForbiddenException(
        `an ${principal.role} key may not call this route (only ${access.join(', ')})`,
      );
    }
    request.principal = principal;
    return true;
  }
}
