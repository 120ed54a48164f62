import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@clearing/access';
import { Problem } from '../http/problem';

export const ALLOWED_ROLES = 'clearing:allowed-roles';
export const PUBLIC_ROUTE = 'public';
export const API_KEY_SCHEME = 'apiKey';

export type RouteAccess = readonly Role[] | typeof PUBLIC_ROUTE;

/**
 * The roles that may call a route. Every route of the API carries this (or `@Public()`); the guard
 * refuses a route that declares nothing, so a forgotten decorator fails closed. Documented in the
 * OpenAPI document as the bearer requirement plus `x-roles`.
 */
export function Allow(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0)
    throw new Error('@Allow() needs at least one role; use @Public() for an open route');
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(API_KEY_SCHEME),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ type: Problem, description: 'Missing, malformed, unknown or revoked API key' }),
    ApiForbiddenResponse({ type: Problem, description: `Only for: ${roles.join(', ')}` }),
    ApiTooManyRequestsResponse({ type: Problem, description: 'Rate limit of this key exceeded' }),
  );
}

/** A route anyone may call without a key (what an operator or load balancer needs to find the API). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ALLOWED_ROLES, PUBLIC_ROUTE), ApiExtension('x-roles', ['public']));
}
