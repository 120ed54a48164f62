import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CLEARING_CONFIG, ClearingConfig, SERVICES } from '@clearing/config';
import { ServiceDirectory } from '@clearing/persistence';
import { MARGIN_SETTINGS, MarginServiceSettings, OwnedAccounts } from '@clearing/margin-engine/service';

const MARGIN_SERVICE = SERVICES.marginCalculator.service;

/**
 * Advertises where this calculator answers and for which journal partitions (service_instances), on a
 * heartbeat, so the clearing API routes each account's calls to its owner instead of meeting a 421. Only
 * restored partitions are advertised: a partition still being folded would answer 404 for its accounts.
 */
@Injectable()
export class InstanceAdvertiser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InstanceAdvertiser.name);
  private readonly directory: ServiceDirectory;
  private timer?: NodeJS.Timeout;
  private url?: string;

  constructor(
    dataSource: DataSource,
    private readonly adapter: HttpAdapterHost,
    private readonly owned: OwnedAccounts,
    @Inject(CLEARING_CONFIG) private readonly config: ClearingConfig,
    @Inject(MARGIN_SETTINGS) private readonly settings: MarginServiceSettings,
  ) {
    this.directory = new ServiceDirectory(dataSource);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.beat(), this.settings.advertiseIntervalMs);
    this.owned.onRestored(() => void this.beat());
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (this.url === undefined) return;
    await this.directory.withdraw(MARGIN_SERVICE, this.url).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    this.url ??= this.listeningUrl();
    if (this.url === undefined) return;
    const advert = {
      service: MARGIN_SERVICE,
      instanceId: this.config.instanceId,
      url: this.url,
      partitions: this.owned.servedPartitions(),
    };
    // Postgres down: the next beat tries again; readers drop this row after missing beats meanwhile.
    await this.directory
      .advertise(advert)
      .catch((error: Error) => this.logger.warn({ error: error.message }, 'advertising failed'));
  }

  /** ADVERTISED_URL (k8s: the pod's address), else the address this process listens on; none before listen. */
  private listeningUrl(): string | undefined {
    if (this.settings.advertisedUrl !== undefined) return this.settings.advertisedUrl;
    const address = this.adapter.httpAdapter?.getHttpServer()?.address() as AddressInfo | null;
    if (!address) return undefined;
    const host = ['0.0.0.0', '::'].includes(this.config.httpHost) ? '127.0.0.1' : this.config.httpHost;
    return `http://${host}:${address.port}`;
  }
}
