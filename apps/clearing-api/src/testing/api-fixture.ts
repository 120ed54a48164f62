// Test support (not part of the service): the compiled API as a process on its own topics and schema.
import path from 'node:path';
import { ApiKeyStore, Role } from '@clearing/access';
import { systemTopicsFor, topicsFor } from '@clearing/contracts';
import { ensureTopics } from '@clearing/kafka';
import {
  DatabaseFixture,
  eventually,
  KafkaFixture,
  startWorker,
  uniqueName,
  WorkerRun,
} from '@clearing/testing';
import { MIGRATIONS } from '../../../../migrations';

export const API_MAIN = path.resolve(__dirname, '..', 'main.js');

export interface ApiResponse {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
}

export interface ApiRequest {
  method?: string;
  key?: string;
  headers?: Record<string, string>;
  /** Sent as given when a string or bytes (hostile bodies), JSON-encoded otherwise. */
  body?: unknown;
}

export class ApiFixture {
  readonly namespace = uniqueName('api');
  readonly topics = topicsFor(this.namespace);
  readonly kafka = new KafkaFixture();
  readonly database = new DatabaseFixture(MIGRATIONS);
  baseUrl = '';
  private run?: WorkerRun;

  async open(env: Record<string, string> = {}): Promise<void> {
    await ensureTopics(await this.kafka.adminClient(), systemTopicsFor(this.topics));
    await this.database.open();
    const run = startWorker(API_MAIN, {
      CLEARING_TOPIC_NAMESPACE: this.namespace,
      DATABASE_SCHEMA: this.database.schema,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    });
    this.run = run;
    const port = await eventually(
      async () => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output())?.[1],
      30_000,
    );
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  /** A live key as `clearing keys create` would issue it. */
  async key(role: Role, accountId?: string): Promise<string> {
    return (await new ApiKeyStore(this.database.dataSource).create({ role, accountId, createdBy: 'test' }))
      .token;
  }

  async request(urlPath: string, options: ApiRequest = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
    let body: string | Buffer | undefined;
    if (options.body !== undefined) {
      const raw = typeof options.body === 'string' || Buffer.isBuffer(options.body);
      body = raw ? (options.body as string | Buffer) : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      method: options.method ?? 'GET',
      headers,
      body,
    });
    const contentType = response.headers.get('content-type') ?? '';
    // A live stream never ends: its status and headers are the answer; hang up on the body.
    if (contentType.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, contentType, body: {} };
    }
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: parsedBody(text),
    };
  }

  output(): string {
    return this.run?.output() ?? '';
  }

  async close(): Promise<void> {
    const run = this.run;
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    const admin = await this.kafka.adminClient();
    const ours = (await admin.listTopics()).filter((t) => t.startsWith(`${this.namespace}.`));
    await admin.deleteTopics({ topics: ours }).catch(() => undefined);
    await this.kafka.close();
    await this.database.close();
  }
}

function parsedBody(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unparsed: text };
  }
}
