import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signatureRefusalOf, signCommand } from './command-signature';
import { isCanonicallyOrdered } from './json';

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

  it('given a signed command, then it is in canonical order and its HMAC is over issuer, newline and the sorted unsigned JSON', () => {
    const signed = signCommand({ ...deposit, signature: { issuer: 'x', hmac: '00' } }, 'admin', KEY);
    assert.equal(
      JSON.stringify(signed),
      '{"account":"acct-a","amount":"10","commandId":"dep-1","schemaVersion":1,"signature":{"hmac":"' +
        signed.signature.hmac +
        '","issuer":"admin"},"type":"Deposit"}',
    );
    const unsigned =
      '{"account":"acct-a","amount":"10","commandId":"dep-1","schemaVersion":1,"type":"Deposit"}';
    assert.equal(signed.signature.hmac, createHmac('sha256', KEY).update(`admin\n${unsigned}`).digest('hex'));
  });

  it('given any extra members, then the signed command is ordered, verifies in any key order, and refuses any change (property)', () => {
    const name = fc.string({ minLength: 1 }).filter((key) => !/^\d/.test(key));
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const extras = fc.dictionary(name, fc.oneof(leaf, fc.array(leaf), fc.dictionary(name, leaf)));
    fc.assert(
      fc.property(extras, fc.string({ minLength: 1 }), (extra, changed) => {
        const signed = signCommand({ ...extra, ...deposit }, 'admin', KEY);
        assert.equal(isCanonicallyOrdered(signed), true);
        assert.equal(signatureRefusalOf(signed, 'admin', KEY), undefined);
        const reversed = Object.fromEntries(Object.entries(signed).reverse());
        assert.equal(signatureRefusalOf(reversed, 'admin', KEY), undefined);
        const forged = { ...signed, [changed === 'signature' ? 'amount' : changed]: 'forged-value' };
        if (JSON.stringify(forged) !== JSON.stringify(signed))
          assert.match(signatureRefusalOf(forged, 'admin', KEY)!, /does not verify/);
      }),
    );
  });
});
