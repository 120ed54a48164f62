import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { DEFAULT_DATABASE_URL, parseClearingConfig, ServiceDescriptor } from './clearing-config';
import { releaseVersion } from './release-version';

const MARGIN: ServiceDescriptor = { service: 'margin-calculator', defaultHttpPort: 3003 };

function issuesOf(env: Record<string, string>): Map<string, string> {
  try {
    parseClearingConfig(env, MARGIN);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError);
    return new Map(error.issues.map((issue) => [issue.variable, issue.problem]));
  }
  assert.fail('expected a ConfigValidationError');
}

describe('parseClearingConfig', () => {
  it('given an empty environment, when parsed, then every value is the documented local default', () => {
    const config = parseClearingConfig({}, MARGIN);
    assert.deepEqual(config, {
      serviceName: 'margin-calculator',
      instanceId: 'local',
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaClientId: 'margin-calculator',
      kafkaSsl: false,
      databaseUrl: DEFAULT_DATABASE_URL,
      httpHost: '127.0.0.1',
      httpPort: 3003,
      logLevel: 'info',
    });
  });

  it('given a k8s-style environment, when parsed, then every variable is honoured', () => {
    const config = parseClearingConfig(
      {
        KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
        DATABASE_URL: 'postgresql://clearing:s3cret@pg:5432/clearing',
        HTTP_HOST: '0.0.0.0',
        HTTP_PORT: '8080',
        LOG_LEVEL: 'DEBUG',
        SERVICE_NAME: 'margin-calculator-eu',
        HOSTNAME: 'margin-calculator-7d9f-abcde',
      },
      MARGIN,
    );
    assert.deepEqual(config.kafkaBrokers, ['kafka-0:9092', 'kafka-1:9092']);
    assert.equal(config.httpPort, 8080);
    assert.equal(config.httpHost, '0.0.0.0');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.serviceName, 'margin-calculator-eu');
    assert.equal(config.kafkaClientId, 'margin-calculator-eu');
    assert.equal(config.instanceId, 'margin-calculator-7d9f-abcde');
  });

  it('given INSTANCE_ID and KAFKA_CLIENT_ID, when parsed, then they win over the derived values', () => {
    const config = parseClearingConfig({ INSTANCE_ID: 'i-1', HOSTNAME: 'h', KAFKA_CLIENT_ID: 'mc' }, MARGIN);
    assert.equal(config.instanceId, 'i-1');
    assert.equal(config.kafkaClientId, 'mc');
  });

  it('given blank variables, when parsed, then they fall back to defaults as if unset', () => {
    assert.equal(parseClearingConfig({ HTTP_PORT: '  ', KAFKA_BROKERS: '' }, MARGIN).httpPort, 3003);
  });

  it('given HTTP_PORT=0, when parsed, then port 0 is accepted so the OS picks a free port', () => {
    assert.equal(parseClearingConfig({ HTTP_PORT: '0' }, MARGIN).httpPort, 0);
  });
});

describe('parseClearingConfig rejections', () => {
  it('given several bad variables, when parsed, then one error names each variable and what is wrong', () => {
    const issues = issuesOf({
      HTTP_PORT: '70000',
      KAFKA_BROKERS: 'kafka-0:9092,kafka-1',
      LOG_LEVEL: 'verbose',
      DATABASE_URL: 'mysql://root:hunter2@db/clearing',
    });
    assert.deepEqual([...issues.keys()].sort(), ['DATABASE_URL', 'HTTP_PORT', 'KAFKA_BROKERS', 'LOG_LEVEL']);
    assert.match(issues.get('HTTP_PORT')!, /0 to 65535.*"70000"/);
    assert.match(issues.get('KAFKA_BROKERS')!, /bad entries: kafka-1$/);
    assert.match(issues.get('LOG_LEVEL')!, /one of .*info.*"verbose"/);
  });

  it('given a bad DATABASE_URL holding a password, when rejected, then the message does not leak it', () => {
    const issues = issuesOf({ DATABASE_URL: 'mysql://root:hunter2@db/clearing' });
    assert.doesNotMatch(issues.get('DATABASE_URL')!, /hunter2/);
    try {
      parseClearingConfig({ DATABASE_URL: 'not a url hunter2' }, MARGIN);
      assert.fail('expected rejection');
    } catch (error) {
      assert.ok(error instanceof ConfigValidationError);
      assert.doesNotMatch(error.message, /hunter2/);
      assert.match(error.message, /^invalid configuration:\n {2}DATABASE_URL: /);
    }
  });

  it('given non-numeric or negative ports, when parsed, then they are rejected', () => {
    for (const port of ['abc', '-1', '30.5', '3e3']) {
      assert.ok(issuesOf({ HTTP_PORT: port }).has('HTTP_PORT'), port);
    }
  });
});

describe('releaseVersion', () => {
  it('given this file inside the monorepo, when asked, then it reads the root package version', () => {
    assert.match(releaseVersion(), /^\d+\.\d+\.\d+/);
  });
});
