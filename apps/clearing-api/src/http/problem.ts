import { STATUS_CODES } from 'node:http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details: the one error body of every endpoint. */
export class Problem {
  @ApiProperty({ example: 'about:blank', description: 'about:blank: the status says what kind of problem' })
  type!: string;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP status phrase' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'invalid request', description: 'What went wrong with this request' })
  detail!: string;

  @ApiProperty({ example: '/v1/accounts', description: 'The request path (no query string)' })
  instance!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['/limit must be <= 500', "(query) must NOT have additional properties 'x'"],
    description: 'Every validation reason, when the request broke more than one rule',
  })
  reasons?: string[];
}

export function problemOf(status: number, detail: string, path: string, reasons?: string[]): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance: path.split('?')[0],
    ...(reasons && reasons.length > 0 ? { reasons } : {}),
  };
}

/** Minimal response surface, so Express middleware and the Nest filter answer alike. */
export interface ProblemResponse {
  status(code: number): ProblemResponse;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

export function sendProblem(response: ProblemResponse, problem: Problem): void {
  if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="clearing"');
  response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  response.status(problem.status).end(JSON.stringify(problem));
}
