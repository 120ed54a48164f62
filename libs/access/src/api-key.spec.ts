import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { issueApiKey, parseApiKey, secretMatches } from './api-key';

describe('API keys', () => {
  it('given an issued key, when parsed back, then its secret matches the stored hash and no other does', () => {
    const issued = issueApiKey();
    const parsed = parseApiKey(issued.token);
    assert.equal(parsed?.keyId, issued.keyId);
    assert.equal(secretMatches(parsed!.secret, issued.secretSha256), true);
    const other = parseApiKey(issueApiKey().token)!;
    assert.equal(secretMatches(other.secret, issued.secretSha256), false);
  });

  it('given the stored hash, then it does not contain the secret', () => {
    const issued = issueApiKey();
    assert.equal(issued.token.includes(issued.secretSha256), false);
    assert.match(issued.secretSha256, /^[0-9a-f]{64}$/);
  });

  it('given any string that is not a well-formed key, when parsed, then it is refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const parsed = parseApiKey(text);
        if (parsed) assert.match(text, /^ck_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      }),
    );
    assert.equal(parseApiKey('ck_0123456789abcdef_short'), undefined);
    assert.equal(parseApiKey(`xx_0123456789abcdef_${'a'.repeat(43)}`), undefined);
    assert.equal(parseApiKey(`ck_0123456789ABCDEF_${'a'.repeat(43)}`), undefined);
  });

  it('given a secret containing underscores, when parsed, then the whole secret is kept', () => {
    const secret = `${'_'.repeat(3)}${'a'.repeat(40)}`;
    assert.equal(parseApiKey(`ck_0123456789abcdef_${secret}`)?.secret, secret);
  });
});
