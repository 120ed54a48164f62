import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ServiceDescriptor } from '@clearing/config';
import { Shutdown } from './shutdown';

export interface RunningService {
  service: string;
  url: string;
  logFile: string;
  child: ChildProcess;
}

const ROOT = path.resolve(__dirname, '../../../../..');

/**
 * Starts one compiled service as a child process in its own process group (detached: `shutdown` stops
 * the group, a terminal's Ctrl-C does not race it), logs to .infra/demo/<service>.log, and resolves with
 * its URL once it logs "listening on ..." (rejects with the log's path if it exits first).
 */
export function startService(
  descriptor: ServiceDescriptor,
  env: NodeJS.ProcessEnv,
  shutdown: Shutdown,
  readyTimeoutMs = 60_000,
): Promise<RunningService> {
  const logDir = path.join(ROOT, '.infra/demo');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${descriptor.service}.log`);
  const log = createWriteStream(logFile);
  const main = path.join(ROOT, 'dist/apps', descriptor.service, 'src/main.js');
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  shutdown.track(child);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`${descriptor.service} not listening after ${readyTimeoutMs} ms; see ${logFile}`)),
      readyTimeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      const url = /listening on (http:\/\/[^\s"]+)/.exec(chunk.toString())?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ service: descriptor.service, url, logFile, child });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${descriptor.service} exited with code ${code}; see ${logFile}`));
    });
  });
}
