import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const SERVICES = [
  'position-aggregator',
  'valuation-oracle',
  'margin-calculator',
  'deleveraging-engine',
  'clearing-api',
];
const BOOT_TIMEOUT_MS = 20_000;
/** A consume loop's stop is bounded at 3 s (BatchConsumer.stop); Nest's other hooks and a loaded CI box get the rest. */
const STOP_TIMEOUT_MS = 10_000;

/** dist/apps/clearing-api/src/ -> dist/apps/<service>/src/main.js */
function compiledMain(service: string): string {
  return resolve(__dirname, '..', '..', service, 'src', 'main.js');
}

interface RunningService {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

/** Starts a compiled service on a free port (HTTP_PORT=0) and reads the real port from its log line. */
async function start(service: string, env: Record<string, string> = {}): Promise<RunningService> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'info',
    ...env,
  };
  delete childEnv.SERVICE_NAME;
  const child = spawn(process.execPath, [compiledMain(service)], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${service} did not listen:\n${output}`)),
      BOOT_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${service} exited ${code} before listening:\n${output}`));
    });
  });
  return { child, baseUrl: await listening, output: () => output };
}

async function stop(running: RunningService, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(running.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  running.child.kill(signal);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => {
      running.child.kill('SIGKILL');
      reject(new Error(`no exit within ${STOP_TIMEOUT_MS} ms:\n${running.output()}`));
    }, STOP_TIMEOUT_MS).unref(),
  );
  const [code] = await Promise.race([exited, timeout]);
  return code;
}

describe('every service boots without Kafka or Postgres and stops cleanly', () => {
  for (const service of SERVICES) {
    it(`given ${service} started on a free port, when probed and sent SIGTERM, then it answers and exits 0`, async () => {
      const running = await start(service);
      try {
        const live = await fetch(`${running.baseUrl}/health/live`);
        assert.equal(live.status, 200);
        const metrics = await (await fetch(`${running.baseUrl}/metrics`)).text();
        assert.match(
          metrics,
          new RegExp(`^clearing_build_info\\{service="${service}",version="[^"]+"\\} 1$`, 'm'),
        );
      } finally {
        assert.equal(await stop(running, 'SIGTERM'), 0, running.output());
      }
      assert.match(running.output(), /stopped cleanly on SIGTERM/);
    });
  }
});

describe('clearing-api', () => {
  it('given it is running, when its OpenAPI document and system info are fetched, then both describe it', async () => {
    const running = await start('clearing-api', { INSTANCE_ID: 'api-test-1' });
    try {
      const document = (await (await fetch(`${running.baseUrl}/docs-json`)).json()) as { paths: object };
      assert.ok('/v1/system/info' in document.paths, JSON.stringify(Object.keys(document.paths)));
      const info = (await (await fetch(`${running.baseUrl}/v1/system/info`)).json()) as Record<
        string,
        unknown
      >;
      assert.equal(info.service, 'clearing-api');
      assert.equal(info.instanceId, 'api-test-1');
      assert.equal(typeof info.version, 'string');
    } finally {
      await stop(running, 'SIGTERM');
    }
  });
});

describe('a misconfigured service', () => {
  it('given an invalid HTTP_PORT, when started, then it exits 1 naming the variable before listening', async () => {
    const child = spawn(process.execPath, [compiledMain('margin-calculator')], {
      env: { ...process.env, HTTP_PORT: 'eighty' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /margin-calculator: invalid configuration:\n {2}HTTP_PORT: .*"eighty"/);
  });
});
