import { Injectable } from '@nestjs/common';
import { METRICS } from '@clearing/observability';
import { resolveInstances, ServiceInstance } from './service-instances';

export interface ServiceEndpoint {
  readonly service: string;
  readonly baseUrl: string;
}

export interface HaltedPartition {
  readonly service: string;
  readonly topic: string;
  readonly partition: number;
  readonly reason: string;
  /** The instance holding the halt: the partition's owner. */
  readonly instance: string;
}

export interface ServiceScrape {
  readonly service: string;
  readonly instance: string;
  readonly reachable: boolean;
  readonly error?: string;
}

const SCRAPE_TIMEOUT_MS = 2_000;

/** `CLEARING_SERVICE_URLS=position-aggregator=http://10.0.0.5:3001,margin-calculator=http://...` */
export function serviceEndpointsFromEnv(raw: string | undefined): ServiceEndpoint[] {
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const [service, baseUrl] = entry.split('=', 2).map((part) => part.trim());
    if (!service || !baseUrl || !URL.canParse(baseUrl)) {
      throw new Error(`CLEARING_SERVICE_URLS: "${entry}" is not <service>=<url>`);
    }
    return { service, baseUrl: baseUrl.replace(/\/$/, '') };
  });
}

/** Halted partitions out of one Prometheus text exposition: the series of the halt gauge at 1. */
export function haltedIn({ service, baseUrl }: ServiceInstance, metricsText: string): HaltedPartition[] {
  const pattern = new RegExp(`^${METRICS.partitionHalted.name}\\{([^}]*)\\} 1$`, 'gm');
  return [...metricsText.matchAll(pattern)].map((match) => {
    const labels = Object.fromEntries(
      [...match[1].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
    );
    return {
      service,
      topic: labels.topic ?? '',
      partition: Number(labels.partition),
      reason: labels.reason ?? '',
      instance: baseUrl,
    };
  });
}

/**
 * Halted partitions as the services themselves report them (`clearing_partition_halted` on /metrics),
 * scraped on each request from every instance (resolveInstances): the gauge is the one source of truth, so
 * no table can disagree with it. One process reached at two addresses reports its halt once.
 */
@Injectable()
export class HaltedPartitions {
  private readonly endpoints = serviceEndpointsFromEnv(process.env.CLEARING_SERVICE_URLS);

  async scrape(): Promise<{ halted: HaltedPartition[]; services: ServiceScrape[] }> {
    const instances = await resolveInstances(this.endpoints);
    const results = await Promise.all(instances.map((instance) => this.scrapeOne(instance)));
    const halted = new Map(
      results.flatMap((r) => r.halted).map((h) => [`${h.service} ${h.topic} ${h.partition}`, h]),
    );
    return { halted: [...halted.values()], services: results.map((r) => r.scrape) };
  }

  private async scrapeOne(
    instance: ServiceInstance,
  ): Promise<{ halted: HaltedPartition[]; scrape: ServiceScrape }> {
    const { service, baseUrl } = instance;
    try {
      const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const halted = haltedIn(instance, await response.text());
      return { halted, scrape: { service, instance: baseUrl, reachable: true } };
    } catch (error) {
      return {
        halted: [],
        scrape: { service, instance: baseUrl, reachable: false, error: (error as Error).message },
      };
    }
  }
}
