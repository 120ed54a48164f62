import { BadGatewayException, HttpException } from '@nestjs/common';
import { RoutedAnswer } from './margin-router';

/**
 * The owner's answer as the API's: a success is returned as is, the caller's fault (4xx) keeps its status
 * and reason, anything else is the API's upstream failing (502). A 401 from the owner means the API's own
 * service credential is wrong: a deployment fault, never the caller's, so it is a 502 as well.
 */
export function relay(answer: RoutedAnswer): Record<string, unknown> {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 401)
    throw new HttpException(answer.body, answer.status);
  throw new BadGatewayException(`the margin calculator answered ${answer.status}`);
}
