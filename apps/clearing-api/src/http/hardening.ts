import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { ApiLimits } from './api-limits';
import { problemOf, ProblemResponse, sendProblem } from './problem';

interface IncomingRequest {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A request that carries a body must say it is JSON: the API parses nothing else. */
export function unsupportedContentType(request: IncomingRequest): string | undefined {
  if (!METHODS_WITH_BODY.has(request.method)) return undefined;
  const length = request.headers['content-length'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return undefined;
  const type = String(request.headers['content-type'] ?? '');
  return /^application\/json\s*(;|$)/i.test(type)
    ? undefined
    : `content type must be application/json, got "${type}"`;
}

/**
 * Security headers (helmet), JSON bodies only and at most `bodyLimitBytes`. Installed before Nest's own
 * parsers, which then leave the already-parsed body alone.
 */
export function hardenHttp(app: INestApplication, limits: ApiLimits): void {
  const express = app as NestExpressApplication;
  express.use(helmet());
  express.use((request: IncomingRequest, response: ProblemResponse, next: () => void) => {
    const problem = unsupportedContentType(request);
    if (problem === undefined) return next();
    sendProblem(response, problemOf(415, problem, request.originalUrl));
  });
  express.useBodyParser('json', { limit: limits.bodyLimitBytes });
}
