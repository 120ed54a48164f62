import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { credentialMatches, SERVICE_CREDENTIAL_HEADER } from './service-credential';

/** Injection token of the service credential string (serviceCredentialFromEnv). */
export const SERVICE_CREDENTIAL = Symbol('SERVICE_CREDENTIAL');

/**
 * Internal endpoints (those that reveal or change account state) answer only callers holding the shared
 * service credential: the clearing API and the other services, never a browser or a stranger on the network.
 */
@Injectable()
export class ServiceCredentialGuard implements CanActivate {
  constructor(@Inject(SERVICE_CREDENTIAL) private readonly credential: string) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    const presented = request.headers[SERVICE_CREDENTIAL_HEADER];
    if (typeof presented === 'string' && credentialMatches(presented, this.credential)) return true;
    throw new UnauthorizedException(`this endpoint requires the ${SERVICE_CREDENTIAL_HEADER} header`);
  }
}
