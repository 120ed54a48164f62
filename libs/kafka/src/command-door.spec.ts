import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandContentHash, JsonObject, signatureRefusalOf } from '@clearing/ledger';
import { InvalidCommandError, prepareCommand } from './command-door';

const signer = { issuer: 'admin', key: 'test-only-admin-signing-key' };
const attribution = {
  principal: 'ops-jane',
  keyId: 'key-7',
  at: '2026-11-24T09:00:00Z',
  via: 'api',
} as const;
const open = {
  schemaVersion: 1,
  commandId: 'open-acct-1',
  type: 'OpenAccount',
  account: 'acct-1',
  issuedAt: '2026-11-24T09:00:00Z',
} as const;

describe('the command door: attribute, sign, check', () => {
  it('given an operator command, then it is attributed, signed over the attribution, and hashed as the writer hashes it', () => {
    const { command, commandHash } = prepareCommand(open, attribution, signer);
    assert.deepEqual(command.attribution, attribution);
    assert.equal(signatureRefusalOf(command, 'admin', signer.key), undefined);
    const relabelled = { ...command, attribution: { ...attribution, principal: 'mallory' } };
    assert.match(String(signatureRefusalOf(relabelled, 'admin', signer.key)), /does not verify/);
    assert.equal(commandHash, commandContentHash(command as unknown as JsonObject));
  });

  it('given a command the contract refuses, then nothing is prepared and the reason names the field', () => {
    assert.throws(
      () => prepareCommand({ ...open, type: 'SuspendAccount' } as never, attribution, signer),
      (error: unknown) => error instanceof InvalidCommandError && /reason/.test(error.message),
    );
    assert.throws(
      () => prepareCommand(open, { ...attribution, via: 'fax' } as never, signer),
      InvalidCommandError,
    );
  });
});
