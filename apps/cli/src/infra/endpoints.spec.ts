import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  databaseName,
  isLoopback,
  kafkaBrokersFromEnv,
  parseHostPort,
  redactPassword,
  withDatabase,
  withPort,
} from './endpoints';

describe('infra endpoints', () => {
  it('given KAFKA_BROKERS, when read as the services read it, then default, split and trimmed; an empty entry is refused', () => {
    assert.deepEqual(kafkaBrokersFromEnv({}), ['127.0.0.1:9092']);
    assert.deepEqual(kafkaBrokersFromEnv({ KAFKA_BROKERS: ' a:1, b:2 ' }), ['a:1', 'b:2']);
    assert.throws(() => kafkaBrokersFromEnv({ KAFKA_BROKERS: 'a:1,' }), /KAFKA_BROKERS/);
  });

  it('given broker addresses, when parsed, then host and port come apart and a bad port is refused', () => {
    assert.deepEqual(parseHostPort('127.0.0.1:9092'), { host: '127.0.0.1', port: 9092 });
    assert.deepEqual(parseHostPort('[::1]:9092'), { host: '::1', port: 9092 });
    assert.throws(() => parseHostPort('kafka'), /host:port/);
    assert.throws(() => parseHostPort('kafka:99999'), /host:port/);
  });

  it('given hosts, when asked whether this machine can serve them, then only loopback ones qualify', () => {
    assert.deepEqual(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].map(isLoopback), [
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(['10.0.0.1', 'kafka', '128.0.0.1'].map(isLoopback), [false, false, false]);
  });

  it('given a DATABASE_URL, when re-pointed, then only the database or port changes', () => {
    const url = 'postgres://app:s3cret@127.0.0.1:5432/clearing';
    assert.equal(withDatabase(url, 'postgres'), 'postgres://app:s3cret@127.0.0.1:5432/postgres');
    assert.equal(withPort(url, 5433), 'postgres://app:s3cret@127.0.0.1:5433/clearing');
    assert.equal(databaseName(url), 'clearing');
    assert.throws(() => databaseName('postgres://127.0.0.1:5432'), /names no database/);
  });

  it('given a URL with a password, when printed, then the password is masked', () => {
    assert.equal(
      redactPassword('postgres://app:s3cret@db:5432/clearing'),
      'postgres://app:***@db:5432/clearing',
    );
    assert.doesNotMatch(redactPassword('not a url s3cret'), /s3cret/);
  });
});
