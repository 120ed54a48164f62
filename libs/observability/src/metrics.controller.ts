import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { ClearingMetrics } from './clearing-metrics';

/** The part of the HTTP response the scrape needs; keeps this controller free of express types. */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ClearingMetrics) {}

  /** Prometheus scrape target: this instance's registry in text exposition format. */
  @Get()
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) response: HeaderSink): Promise<string> {
    const { contentType, body } = await this.metrics.scrape();
    response.setHeader('Content-Type', contentType);
    return body;
  }
}
