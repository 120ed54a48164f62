import {
  applyDecorators,
  ArgumentsHost,
  Catch,
  Controller,
  RpcExceptionFilter,
  UseFilters,
} from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC exception filter replaces any error a handler throws with a plain
 * `{status: 'error', message: 'Internal server error'}` object. The batch loop must see the domain's
 * own error (a SequenceGapError halts its partition; anything else retries the batch), so on the batch
 * transports every error passes through unchanged.
 */
@Catch()
export class DomainErrorsPassThrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Marks a controller of `@EventPattern` batch handlers: a Nest controller whose errors reach the loop intact. */
export const BatchHandler = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(DomainErrorsPassThrough));
