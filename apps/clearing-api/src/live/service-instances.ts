import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ServiceEndpoint } from './halted-partitions';

/** One process of a service, as the API reaches it for per-partition operations (halts, resumes). */
export interface ServiceInstance {
  readonly service: string;
  readonly baseUrl: string;
}

/** Every address a host name has (a headless Service's name has one per ready pod). */
export type AddressLookup = (hostname: string) => Promise<string[]>;

const everyAddress: AddressLookup = async (hostname) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

/**
 * The instances behind CLEARING_SERVICE_URLS. A partition's halt lives on the instance that owns the
 * partition, so every instance is asked, never one picked by a load balancer: each entry's host is
 * resolved to all its addresses (point it at a headless Service and every pod is listed), and a service
 * may also be listed once per instance. A name that does not resolve stays as written, so the call
 * fails and the service is reported unreachable rather than left out.
 */
export async function resolveInstances(
  endpoints: readonly ServiceEndpoint[],
  addressesOf: AddressLookup = everyAddress,
): Promise<ServiceInstance[]> {
  const perEndpoint = await Promise.all(
    endpoints.map(async ({ service, baseUrl }) => {
      const url = new URL(baseUrl);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host) ? [host] : await addressesOf(host).catch(() => [host]);
      return addresses.map((address) => ({ service, baseUrl: withAddress(url, address) }));
    }),
  );
  const unique = new Map(perEndpoint.flat().map((instance) => [instanceKey(instance), instance]));
  return [...unique.values()];
}

function withAddress(url: URL, address: string): string {
  const copy = new URL(url.href);
  copy.hostname = isIP(address) === 6 ? `[${address}]` : address;
  return copy.href.replace(/\/$/, '');
}

const instanceKey = (instance: ServiceInstance) => `${instance.service} ${instance.baseUrl}`;
