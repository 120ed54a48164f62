import { Controller, Get, Logger } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ReadinessRegistry, ReadinessResult } from './readiness-registry';

/**
 * k8s probes. Liveness only says the event loop answers (restarting a pod does not fix a broker outage);
 * readiness says every registered dependency check is up, and is 503 with the failing names otherwise.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private lastFailing = '';

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  async ready() {
    const results = await this.readiness.evaluate();
    this.logWhenFailingSetChanges(results);
    return this.health.check(
      results.map((result) => async () => {
        const session = this.indicators.check(result.name);
        return result.up ? session.up(result.detail) : session.down(result.detail);
      }),
    );
  }

  // Probes run every few seconds: log transitions, not every failed probe.
  private logWhenFailingSetChanges(results: readonly ReadinessResult[]): void {
    const failing = results.filter((result) => !result.up);
    const key = failing.map((result) => result.name).join(',');
    if (key === this.lastFailing) return;
    this.lastFailing = key;
    if (failing.length === 0) this.logger.log('ready: every readiness check is up');
    else
      this.logger.warn(
        `not ready: ${failing.map((r) => `${r.name} ${JSON.stringify(r.detail ?? {})}`).join(', ')}`,
      );
  }
}
