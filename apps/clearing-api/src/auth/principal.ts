import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { parseApiKey, Principal } from '@clearing/access';

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  principal?: Principal;
}

/** The key in `Authorization: Bearer <key>`; undefined when the header is absent or another scheme. */
export function bearerToken(request: RequestWithPrincipal): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1];
}

/** Rate-limit bucket: the presented key's id (each key its own limit), else the client address. */
export function rateLimitTracker(request: RequestWithPrincipal): string {
  const token = bearerToken(request);
  const keyId = token === undefined ? undefined : parseApiKey(token)?.keyId;
  return keyId === undefined ? `ip:${request.ip ?? 'unknown'}` : `key:${keyId}`;
}

/** The authenticated caller, set by ApiKeyGuard; only on routes that declare roles. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without @Allow');
  return principal;
});
