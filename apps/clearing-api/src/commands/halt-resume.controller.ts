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
 * Resuming a halted partition after a fix (admin): the service forgets the halt and replaces its consume
 * loop, which reads the partition again from its committed offset (what a restart of the service did).
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
  @ApiOkResponse({ description: '{ resumed: true, topic, partition }' })
  @ApiResponse({
    status: 404,
    type: Problem,
    description: 'Unknown service, or the partition is not halted there',
  })
  @ApiResponse({ status: 502, type: Problem, description: 'The service did not answer' })
  async resume(
    @Body(new SchemaPipe(RESUME_BODY, 'body')) body: ResumeBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Record<string, unknown>> {
    const endpoint = this.services.find((s) => s.service === body.service);
    if (endpoint === undefined)
      throw new NotFoundException(`no service ${body.service} in CLEARING_SERVICE_URLS`);
    const query = new URLSearchParams({ topic: body.topic, partition: String(body.partition) });
    const response = await fetch(`${endpoint.baseUrl}${RESUME_HALT_PATH}?${query}`, {
      method: 'POST',
      headers: { [SERVICE_CREDENTIAL_HEADER]: this.settings.serviceCredential },
      signal: AbortSignal.timeout(this.settings.callTimeoutMs),
    }).catch((error: Error) => {
      throw new BadGatewayException(`${body.service} did not answer: ${error.message}`);
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 404) throw new NotFoundException(String(answer.message));
    if (response.status !== 200) throw new BadGatewayException(`${body.service} answered ${response.status}`);
    this.logger.log({ ...body, keyId: principal.keyId }, 'halted partition resumed by an admin');
    return answer;
  }
}
