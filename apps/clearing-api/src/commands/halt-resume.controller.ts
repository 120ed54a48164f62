import {
  BadGatewayException,
  Body,
  Controller,
  HttpCode,
  Inject,
  Logger,
  NotFoundException,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@clearing/access';
import { SERVICE_CREDENTIAL_HEADER } from '@clearing/config';
import { RESUME_HALT_PATH } from '@clearing/kafka';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/principal';
import { Problem } from '../http/problem';
import { ObjectSchema, SchemaPipe, ValidBody } from '../http/schema-validation';
import { serviceEndpointsFromEnv } from '../live/halted-partitions';
import { resolveInstances, ServiceInstance } from '../live/service-instances';
import { ROUTING_SETTINGS, RoutingSettings } from '../routing/routing.settings';

const RESUME_BODY: ObjectSchema = {
  type: 'object',
  required: ['service', 'topic', 'partition'],
  additionalProperties: false,
  properties: {
    service: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{0,63}$',
      description: 'As listed by GET halted partitions',
    },
    topic: { type: 'string', minLength: 1, maxLength: 249, pattern: '^[A-Za-z0-9._-]+$' },
    partition: { type: 'integer', minimum: 0, maximum: 999_999 },
  },
};

type ResumeBody = { service: string; topic: string; partition: number };

/**
 * Resuming a halted partition after a fix (admin): every instance of the service is asked (the halt lives on
 * the partition's owner); the one holding it forgets the halt and replaces its consume loop, which reads the
 * partition again from its committed offset (what a restart of the service did).
 */
@ApiTags('admin')
@Allow('admin')
@Controller('v1/admin/halted-partitions')
export class HaltResumeController {
  private readonly logger = new Logger(HaltResumeController.name);
  private readonly services = serviceEndpointsFromEnv(process.env.CLEARING_SERVICE_URLS);

  constructor(@Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings) {}

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a halted partition once the cause is fixed (the service reads it again)' })
  @ValidBody(RESUME_BODY)
  @ApiOkResponse({ description: '{ resumed: true, topic, partition, instance }' })
  @ApiResponse({
    status: 404,
    type: Problem,
    description: 'Unknown service, or no instance of it holds that halt',
  })
  @ApiResponse({
    status: 502,
    type: Problem,
    description: 'No instance resumed it and some did not answer (or failed)',
  })
  async resume(
    @Body(new SchemaPipe(RESUME_BODY, 'body')) body: ResumeBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Record<string, unknown>> {
    const endpoints = this.services.filter((s) => s.service === body.service);
    if (endpoints.length === 0)
      throw new NotFoundException(`no service ${body.service} in CLEARING_SERVICE_URLS`);
    const answers = await Promise.all(
      (await resolveInstances(endpoints)).map((instance) => this.askToResume(instance, body)),
    );
    const resumed = answers.find((a) => a.status === 200);
    if (resumed === undefined) throw refusalOf(body.service, answers);
    const answer = { ...resumed.body, instance: resumed.instance };
    this.logger.log({ ...body, keyId: principal.keyId }, 'halted partition resumed by an admin');
    return answer;
  }

  /** One instance's answer: 200 when it held the halt, 404 when not, undefined status when unreachable. */
  private async askToResume(instance: ServiceInstance, body: ResumeBody): Promise<InstanceAnswer> {
    const query = new URLSearchParams({ topic: body.topic, partition: String(body.partition) });
    try {
      const response = await fetch(`${instance.baseUrl}${RESUME_HALT_PATH}?${query}`, {
        method: 'POST',
        headers: { [SERVICE_CREDENTIAL_HEADER]: this.settings.serviceCredential },
        signal: AbortSignal.timeout(this.settings.callTimeoutMs),
      });
      const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      return { instance: instance.baseUrl, status: response.status, body: answer };
    } catch (error) {
      return { instance: instance.baseUrl, body: { message: (error as Error).message } };
    }
  }
}

interface InstanceAnswer {
  readonly instance: string;
  readonly status?: number;
  readonly body: Record<string, unknown>;
}

/**
 * No instance resumed it: 404 when every instance answered that it does not hold the halt, else 502
 * naming the instances that failed (the owner may be among them).
 */
function refusalOf(service: string, answers: readonly InstanceAnswer[]): Error {
  const failed = answers.filter((a) => a.status !== 404);
  if (failed.length === 0) return new NotFoundException(String(answers[0]?.body.message ?? 'not halted'));
  const why = failed.map((a) => `${a.instance}: ${a.status ?? a.body.message}`).join('; ');
  return new BadGatewayException(`${service} did not resume it (${why})`);
}
