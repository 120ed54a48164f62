import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each instance of a partitioned service answers, and for which journal partitions: the margin
 * calculator advertises {url, partitions} on a heartbeat, and the clearing API routes a per-account call to
 * the instance owning the account's partition. A row whose heartbeat stopped is ignored by readers. Keyed
 * by URL: two local instances may share an INSTANCE_ID (the default is the host name), never an address.
 */
export class ServiceInstances1764430000000 implements MigrationInterface {
  name = 'ServiceInstances1764430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE service_instances (
        service text NOT NULL,
        instance_id text NOT NULL,
        url text NOT NULL,
        partitions integer[] NOT NULL,
        heartbeat_at timestamptz NOT NULL,
        PRIMARY KEY (service, url)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE service_instances');
  }
}
