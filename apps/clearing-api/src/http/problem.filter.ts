import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Problem, problemOf, ProblemResponse, sendProblem } from './problem';

/** body-parser's errors carry the status they mean (400 bad JSON, 413 too large, 415 charset). */
interface ParserError {
  status: number;
  type: string;
  expose: boolean;
  message: string;
}

/**
 * Every error leaves as RFC 9457 problem+json. Client errors say why; anything unexpected is a 500 whose
 * detail names nothing internal (the stack goes to the log, which never holds a secret).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ originalUrl?: string; url: string }>();
    const path = request.originalUrl ?? request.url;
    sendProblem(http.getResponse<ProblemResponse>(), this.problemFor(error, path));
  }

  private problemFor(error: unknown, path: string): Problem {
    if (error instanceof HttpException) return fromHttpException(error, path);
    if (isParserError(error)) return problemOf(error.status, parserDetail(error), path);
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return problemOf(500, 'internal error', path);
  }
}

function fromHttpException(error: HttpException, path: string): Problem {
  const body = error.getResponse();
  if (typeof body === 'string') return problemOf(error.getStatus(), body, path);
  const { message, reasons } = body as { message?: unknown; reasons?: unknown };
  const detail = Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
  return problemOf(error.getStatus(), detail, path, Array.isArray(reasons) ? reasons.map(String) : undefined);
}

function isParserError(error: unknown): error is ParserError {
  const candidate = error as Partial<ParserError> | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}

function parserDetail(error: ParserError): string {
  if (error.type === 'entity.too.large') return 'request body is larger than the limit';
  if (error.type === 'entity.parse.failed') return `request body is not valid JSON: ${error.message}`;
  return error.expose ? error.message : 'request body could not be read';
}
