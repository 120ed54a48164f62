import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signatureRefusalOf, signCommand } from './command-signature';

const KEY = 'a-test-key-of-enough-length';
const deposit = { schemaVersion: 1, commandId: 'dep-1', type: 'Deposit', account: 'acct-a', amount: '10' };

describe('command signatures', () => {
  it('given a signed command, when re-serialized with its keys in another order, then it still verifies', () => {
    const signed = signCommand(deposit, 'admin', KEY);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse())));
    assert.equal(signatureRefusalOf(reordered, 'admin', KEY), undefined);
  });

  it('given a signed command, when one field is changed, then the signature no longer verifies', () => {
    const forged = { ...signCommand(deposit, 'admin', KEY), amount: '1000000' };
    assert.match(signatureRefusalOf(forged, 'admin', KEY)!, /does not verify/);
  });

  it('given a command signed by another issuer or with another key, then it is refused with the reason', () => {
    assert.match(
      signatureRefusalOf(signCommand(deposit, 'margin-calculator', KEY), 'admin', KEY)!,
      /must be signed by admin, not margin-calculator/,
    );
    assert.match(
      signatureRefusalOf(signCommand(deposit, 'admin', 'another-key-entirely'), 'admin', KEY)!,
      /does not verify/,
    );
    assert.match(signatureRefusalOf(deposit, 'admin', KEY)!, /Deposit must be signed by admin/);
  });

  it('given a signature that is not hex at all, then it is refused, never thrown', () => {
    const forged = { ...deposit, signature: { issuer: 'admin', hmac: 'zz' } };
    assert.match(signatureRefusalOf(forged, 'admin', KEY)!, /does not verify/);
  });
});
