import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialMatches, DEV_SERVICE_CREDENTIAL, serviceCredentialFromEnv } from './service-credential';

describe('service credential', () => {
  it('given no variable outside production, then the dev credential is used', () => {
    assert.equal(serviceCredentialFromEnv({}), DEV_SERVICE_CREDENTIAL);
  });

  it('given NODE_ENV=production without the variable, then the boot fails naming it', () => {
    assert.throws(
      () => serviceCredentialFromEnv({ NODE_ENV: 'production' }),
      /CLEARING_SERVICE_CREDENTIAL: must be set in production/,
    );
  });

  it('given a credential too short to be a secret, then it is refused without showing it', () => {
    assert.throws(
      () => serviceCredentialFromEnv({ CLEARING_SERVICE_CREDENTIAL: 'hunter2' }),
      (error: Error) => /at least 16/.test(error.message) && !error.message.includes('hunter2'),
    );
  });

  it('given the exact secret, then it matches; a prefix, a longer string or nothing does not', () => {
    const secret = 's'.repeat(40);
    assert.equal(credentialMatches(secret, secret), true);
    assert.equal(credentialMatches(secret.slice(0, 39), secret), false);
    assert.equal(credentialMatches(`${secret}x`, secret), false);
    assert.equal(credentialMatches(undefined, secret), false);
  });
});
