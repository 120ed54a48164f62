import { DataSource } from 'typeorm';

/** One instance's advertisement: where it answers and for which journal partitions. */
export interface InstanceAdvert {
  readonly service: string;
  readonly instanceId: string;
  readonly url: string;
  readonly partitions: readonly number[];
}

/**
 * The `service_instances` table: partitioned services advertise themselves on a heartbeat, callers route
 * by partition. Postgres rather than a compacted topic: every service already holds a connection, and a
 * reader wants the current rows, not a log to fold.
 */
export class ServiceDirectory {
  constructor(private readonly db: DataSource) {}

  async advertise(advert: InstanceAdvert): Promise<void> {
    await this.db.query(
      `INSERT INTO service_instances (service, instance_id, url, partitions, heartbeat_at)
       VALUES ($1, $2, $3, $4::integer[], now())
       ON CONFLICT (service, url)
       DO UPDATE SET instance_id = EXCLUDED.instance_id, partitions = EXCLUDED.partitions, heartbeat_at = now()`,
      [advert.service, advert.instanceId, advert.url, advert.partitions],
    );
  }

  async withdraw(service: string, url: string): Promise<void> {
    await this.db.query('DELETE FROM service_instances WHERE service = $1 AND url = $2', [service, url]);
  }

  /** Instances heard from within `maxAgeMs`, freshest first (a partition briefly claimed twice goes to it). */
  async live(service: string, maxAgeMs: number): Promise<InstanceAdvert[]> {
    const rows: { instance_id: string; url: string; partitions: number[] }[] = await this.db.query(
      `SELECT instance_id, url, partitions FROM service_instances
       WHERE service = $1 AND heartbeat_at > now() - make_interval(secs => $2::double precision / 1000)
       ORDER BY heartbeat_at DESC`,
      [service, maxAgeMs],
    );
    return rows.map((row) => ({
      service,
      instanceId: row.instance_id,
      url: row.url,
      partitions: row.partitions,
    }));
  }
}
