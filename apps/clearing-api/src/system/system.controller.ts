import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/allow.decorator';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CLEARING_CONFIG, ClearingConfig } from '@clearing/config';
import { BuildInfo } from '@clearing/observability';

export class SystemInfo {
  @ApiProperty({ example: 'clearing-api' })
  service!: string;

  @ApiProperty({ example: '0.1.0', description: 'Release version of the monorepo this process runs' })
  version!: string;

  @ApiProperty({ example: 'clearing-api-7d9f-abcde', description: 'Which replica answered' })
  instanceId!: string;

  @ApiProperty({ example: 3600, description: 'Seconds since this process started' })
  uptimeSeconds!: number;
}

@ApiTags('system')
@Public()
@Controller('v1/system')
export class SystemController {
  constructor(
    private readonly build: BuildInfo,
    @Inject(CLEARING_CONFIG) private readonly config: ClearingConfig,
  ) {}

  /** Lets an operator or client confirm which service, release and replica it is talking to. */
  @Get('info')
  @ApiOkResponse({ type: SystemInfo })
  info(): SystemInfo {
    return {
      service: this.build.service,
      version: this.build.version,
      instanceId: this.config.instanceId,
      uptimeSeconds: Math.floor(process.uptime()),
    };
  }
}
