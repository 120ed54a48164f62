import { Controller, Get, Logger } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { LivenessRegistry, ReadinessRegistry, ReadinessResult } from './readiness-registry';

/**
 * k8s probes. Liveness says the event loop answers and no registered liveness check is down (a consume
 * loop that died for good: restarting the pod is what helps; a broker outage alone never fails it);
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
    private readonly liveness: LivenessRegistry,
  ) {}

  @Get('live')
  @HealthCheck()
  async live() {
    return this.report(await this.liveness.evaluate());
  }

  @Get('ready')
  @HealthCheck()
  async ready() {
    const results = await this.readiness.evaluate();
    this.logWhenFailingSetChanges(results);
    return this.report(results);
  }

  private report(results: readonly ReadinessResult[]) {
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
