import { createServer } from 'node:net';

/** A loopback TCP port nobody listens on right now (the OS picks it; a later bind may still race). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Two consecutive free ports (a KRaft broker listens on `port`, its controller on `port + 1`). */
export async function freeLoopbackPortPair(attempts = 50): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const port = await freeLoopbackPort();
    if (port < 65535 && (await portIsFree(port + 1))) return port;
  }
  throw new Error(`no two consecutive free loopback ports after ${attempts} attempts`);
}
