import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClearingConfig, ServiceDescriptor } from './clearing-config';
import { ConfigValidationError } from './config-validation-error';

const MARGIN: ServiceDescriptor = { service: 'margin-calculator', defaultHttpPort: 3003 };
const LOGIN = {
  KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
  KAFKA_SASL_USERNAME: 'margin-calculator',
  KAFKA_SASL_PASSWORD: 'hunter2-hunter2',
};

function problemsOf(env: Record<string, string>): Map<string, string> {
  try {
    parseClearingConfig(env, MARGIN);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError);
    assert.doesNotMatch(error.message, /hunter2/);
    return new Map(error.issues.map((issue) => [issue.variable, issue.problem]));
  }
  assert.fail('expected a ConfigValidationError');
}

describe('Kafka authentication settings', () => {
  it('given no KAFKA_SASL_* and no KAFKA_SSL, when parsed, then the client logs in as nobody in clear', () => {
    const config = parseClearingConfig({}, MARGIN);
    assert.equal(config.kafkaSasl, undefined);
    assert.equal(config.kafkaSsl, false);
  });

  it('given the three KAFKA_SASL_* and KAFKA_SSL, when parsed, then the service logs in as its principal over TLS', () => {
    const config = parseClearingConfig({ ...LOGIN, KAFKA_SSL: 'true' }, MARGIN);
    assert.deepEqual(config.kafkaSasl, {
      mechanism: 'scram-sha-512',
      username: 'margin-calculator',
      password: 'hunter2-hunter2',
    });
    assert.equal(config.kafkaSsl, true);
  });

  it('given a half-set login, when parsed, then each missing variable is named and no secret is echoed', () => {
    const problems = problemsOf({ KAFKA_SASL_PASSWORD: LOGIN.KAFKA_SASL_PASSWORD });
    assert.deepEqual([...problems.keys()].sort(), ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME']);
  });

  it('given an unknown mechanism or a non-boolean KAFKA_SSL, when parsed, then both are refused', () => {
    const problems = problemsOf({ ...LOGIN, KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SSL: 'yes' });
    assert.match(problems.get('KAFKA_SASL_MECHANISM')!, /scram-sha-512\|scram-sha-256\|plain.*"gssapi"/);
    assert.match(problems.get('KAFKA_SSL')!, /true or false/);
  });
});
