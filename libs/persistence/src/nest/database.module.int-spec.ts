import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { AddressInfo, connect, createServer, Server } from 'node:net';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ClearingConfigModule, DEFAULT_DATABASE_URL } from '@clearing/config';
import { ObservabilityModule } from '@clearing/observability';
import { eventually } from '@clearing/testing';
import { DatabaseModule } from './database.module';

const CLOSED_PORT_URL = 'postgres://postgres@127.0.0.1:1/clearing';
const POSTGRES_URL = new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);

async function listenOn(server: Server, port: number): Promise<number> {
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A port nobody listens on until `proxy.listen(port)` forwards it to the real Postgres. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  const port = await listenOn(probe, 0);
  probe.close();
  return port;
}

function postgresProxy(): Server {
  return createServer((client) => {
    const upstream = connect(Number(POSTGRES_URL.port || 5432), POSTGRES_URL.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
}

/** A tiny service wired like the real ones, with DATABASE_URL as given; returns it listening on a free port. */
async function startApp(databaseUrl: string): Promise<{ app: INestApplication; baseUrl: string }> {
  const env = { ...process.env, HTTP_PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl };
  @Module({
    imports: [
      ClearingConfigModule.forRoot({ service: 'test', defaultHttpPort: 0 }, { env }),
      ObservabilityModule.forRoot(),
      DatabaseModule.forRoot(),
    ],
  })
  class TinyAppModule {}
  const app = await NestFactory.create(TinyAppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

async function probeReady(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('DatabaseModule', () => {
  it('given Postgres is up, when /health/ready is probed, then the database check is up, and closing the app closes the pool', async () => {
    const { app, baseUrl } = await startApp(POSTGRES_URL.href);
    const dataSource = app.get(DataSource);
    try {
      const ready = await eventually(async () => {
        const probe = await probeReady(baseUrl);
        return probe.status === 200 ? probe : undefined;
      }, 10_000);
      assert.deepEqual(ready.body.info, { database: { status: 'up' } });
      const [row] = (await dataSource.query('SELECT current_setting($1) AS name', ['application_name'])) as {
        name: string;
      }[];
      assert.equal(row.name, 'test');
    } finally {
      await app.close();
    }
    assert.equal(dataSource.isInitialized, false);
  });

  it('given nothing listens at DATABASE_URL, when the app boots and is probed, then it serves 503 naming database', async () => {
    const { app, baseUrl } = await startApp(CLOSED_PORT_URL);
    try {
      const live = await fetch(`${baseUrl}/health/live`);
      assert.equal(live.status, 200);
      const notReady = await probeReady(baseUrl);
      assert.equal(notReady.status, 503);
      assert.deepEqual(Object.keys(notReady.body.error as object), ['database']);
      assert.equal(app.get(DataSource).isInitialized, false);
    } finally {
      await app.close();
    }
  });

  it('given Postgres comes up after the app booted, when probed again, then the background retry makes it ready', async () => {
    const port = await unusedPort();
    const url = new URL(POSTGRES_URL.href);
    url.port = String(port);
    const { app, baseUrl } = await startApp(url.href);
    const proxy = postgresProxy();
    try {
      assert.equal((await probeReady(baseUrl)).status, 503);
      await listenOn(proxy, port);
      await eventually(async () => ((await probeReady(baseUrl)).status === 200 ? true : undefined), 10_000);
    } finally {
      await app.close();
      proxy.close();
    }
  });
});
