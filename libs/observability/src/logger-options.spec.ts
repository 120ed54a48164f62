import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino, { LoggerOptions } from 'pino';
import { isUnloggedRequest, loggerOptions } from './logger-options';

/** A pino logger built from the shared options, writing into an array of parsed lines. */
function capture(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const options = loggerOptions({ service: 'margin-calculator', version: '1.2.3', level: 'info' }).pinoHttp;
  return { logger: pino(options as LoggerOptions, sink), lines };
}

describe('loggerOptions', () => {
  it('given any line, then it carries service, version and a level name', () => {
    const { logger, lines } = capture();
    logger.info('hello');
    assert.equal(lines[0].service, 'margin-calculator');
    assert.equal(lines[0].version, '1.2.3');
    assert.equal(lines[0].level, 'info');
    assert.equal(lines[0].msg, 'hello');
  });

  it('given secrets in a log object, then they are redacted and the database password is masked', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { headers: { authorization: 'Bearer abc', 'x-api-key': 'k-1', host: 'h' } },
      user: { password: 'hunter2' },
      config: { databaseUrl: 'postgres://clearing:hunter2@pg:5432/clearing' },
      DATABASE_URL: 'postgresql://u:hunter2@db/x',
    });
    const text = JSON.stringify(lines[0]);
    assert.doesNotMatch(text, /hunter2|Bearer abc|k-1/);
    assert.equal(
      (lines[0].config as { databaseUrl: string }).databaseUrl,
      'postgres://clearing:***@pg:5432/clearing',
    );
    assert.equal((lines[0].req as { headers: { host: string } }).headers.host, 'h');
  });

  it('given a level, then lines below it are dropped', () => {
    const { logger, lines } = capture();
    logger.debug('noise');
    assert.equal(lines.length, 0);
  });
});

describe('isUnloggedRequest', () => {
  it('given probe and scrape paths, then they are not auto-logged, other paths are', () => {
    for (const url of ['/health/live', '/health/ready?verbose', '/metrics', '/metrics?x=1']) {
      assert.equal(isUnloggedRequest(url), true, url);
    }
    for (const url of ['/v1/system/info', '/metricsx', '/healthy', undefined]) {
      assert.equal(isUnloggedRequest(url), false, String(url));
    }
  });
});
