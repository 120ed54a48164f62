import {
  GatewayTimeoutException,
  Inject,
  Injectable,
  OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CREDENTIAL_HEADER, SERVICES } from '@clearing/config';
import { partitionOfKey } from '@clearing/kafka';
import { ServiceDirectory } from '@clearing/persistence';
import { InternalCallTimeout, InternalHttp, JsonAnswer } from './internal-http';
import { PartitionRoutes } from './partition-routes';
import { ROUTING_SETTINGS, RoutingSettings } from './routing.settings';

const MARGIN_SERVICE = SERVICES.marginCalculator.service;

/** What the owning instance answered: its status and JSON body, for the API to translate. */
export type RoutedAnswer = JsonAnswer;

/**
 * Sends a per-account call to the margin-calculator instance owning the account's journal partition
 * (service_instances, docs/API.md routing). The copy of the directory is refreshed in the background once
 * stale, so a call waits for Postgres only when the API has no copy yet or the owner turned it away (421,
 * or nothing listening: a rebalance or a lost instance); then it reads the directory again and retries once.
 */
@Injectable()
export class MarginRouter implements OnApplicationShutdown {
  private readonly directory: ServiceDirectory;
  private readonly http = new InternalHttp();
  private routes?: { table: PartitionRoutes; readAtMs: number };
  private reading?: Promise<PartitionRoutes>;

  constructor(
    dataSource: DataSource,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {
    this.directory = new ServiceDirectory(dataSource);
  }

  onApplicationShutdown(): void {
    this.http.close();
  }

  async call(account: string, method: 'GET' | 'POST', action: string, body?: unknown): Promise<RoutedAnswer> {
    const partition = partitionOfKey(account, this.settings.partitionCount);
    const request = { account, method, action, body };
    const answer =
      (await this.attempt(await this.table(false), partition, request)) ??
      (await this.attempt(await this.table(true), partition, request));
    if (answer !== undefined) return answer;
    throw new ServiceUnavailableException(
      `no margin-calculator instance answers for journal partition ${partition} now (rebalancing?): retry shortly`,
    );
  }

  private async attempt(
    routes: PartitionRoutes,
    partition: number,
    request: { account: string; method: string; action: string; body?: unknown },
  ): Promise<RoutedAnswer | undefined> {
    const owner = routes.ownerOf(partition);
    if (owner === undefined) return undefined;
    let answer: RoutedAnswer;
    try {
      answer = await this.http.call({
        url: `${owner}/accounts/${encodeURIComponent(request.account)}/${request.action}`,
        method: request.method,
        headers: {
          'content-type': 'application/json',
          [SERVICE_CREDENTIAL_HEADER]: this.settings.serviceCredential,
        },
        body: request.body,
        timeoutMs: this.settings.callTimeoutMs,
      });
    } catch (error) {
      return unreached(error);
    }
    return answer.status === 421 ? undefined : answer;
  }

  /** The directory copy: a fresh read when asked or when there is none, else stale-while-revalidate. */
  private async table(fresh: boolean): Promise<PartitionRoutes> {
    const stale =
      this.routes === undefined || Date.now() - this.routes.readAtMs > this.settings.directoryTtlMs;
    if (fresh || this.routes === undefined) return this.read();
    if (stale) void this.read().catch(() => undefined);
    return this.routes.table;
  }

  private read(): Promise<PartitionRoutes> {
    this.reading ??= this.directory
      .live(MARGIN_SERVICE, this.settings.advertMaxAgeMs)
      .then((adverts) => {
        const table = new PartitionRoutes(adverts);
        this.routes = { table, readAtMs: Date.now() };
        return table;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }
}

/**
 * Nothing listening at the advertised address (the instance died since its last beat): try the directory
 * again. A timeout is different: the call may have reached the owner, so it is not sent twice.
 */
function unreached(error: unknown): undefined {
  if (error instanceof InternalCallTimeout)
    throw new GatewayTimeoutException('the margin calculator did not answer in time; poll the command');
  return undefined;
}
