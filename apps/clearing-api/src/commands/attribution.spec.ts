import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateMessage, TOPICS } from '@clearing/contracts';
import { attributionOf } from './attribution';

const AT = '2026-12-06T02:00:00.000Z';

describe('attribution of an API command', () => {
  it('given an operator key, then the operator role and the key id, via the api', () => {
    assert.deepEqual(attributionOf({ keyId: 'k1', role: 'operator' }, AT), {
      principal: 'operator',
      keyId: 'k1',
      at: AT,
      via: 'api',
    });
  });

  it("given an account key, then the principal names the key's account, and the contract accepts it", () => {
    const attribution = attributionOf({ keyId: 'k2', role: 'account', accountId: 'alice:iso-1' }, AT);
    assert.equal(attribution.principal, 'account:alice:iso-1');
    const command = {
      schemaVersion: 1,
      commandId: 'c-1',
      type: 'CloseAccount',
      account: 'alice:iso-1',
      issuedAt: AT,
      attribution,
    };
    assert.equal(validateMessage(TOPICS.ledgerCommands, command).ok, true);
  });
});
