import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigValidationError } from './config-validation-error';
import { devSigningKey, signingKeyFromEnv, signingKeysFromEnv } from './signing-keys';

describe('signing keys', () => {
  it('given no variables outside production, then every issuer gets its dev key', () => {
    assert.equal(signingKeysFromEnv({}).admin, devSigningKey('admin'));
  });

  it('given a key in its variable, then that issuer signs with it', () => {
    const key = signingKeyFromEnv(
      { CLEARING_SIGNING_KEY_MARGIN_CALCULATOR: 'k'.repeat(32) },
      'margin-calculator',
    );
    assert.equal(key, 'k'.repeat(32));
  });

  it('given NODE_ENV=production without keys, then the boot fails naming each variable', () => {
    assert.throws(
      () => signingKeysFromEnv({ NODE_ENV: 'production' }),
      (error: ConfigValidationError) =>
        error.issues.length === 4 &&
        error.issues.some((i) => i.variable === 'CLEARING_SIGNING_KEY_DELEVERAGING_ENGINE'),
    );
  });

  it('given a key too short to be a secret, then it is refused', () => {
    assert.throws(() => signingKeyFromEnv({ CLEARING_SIGNING_KEY_ADMIN: 'short' }, 'admin'), /at least 16/);
  });
});
