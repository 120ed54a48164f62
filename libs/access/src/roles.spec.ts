import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keyBindingProblem, mayAccessAccount, Principal, roleAllowed } from './roles';

const acme: Principal = { keyId: '00000000000000a1', role: 'account', accountId: 'ACME' };

describe('an account key', () => {
  it('given a key of ACME, when it reads ACME or a sub-account of ACME, then it may', () => {
    assert.equal(mayAccessAccount(acme, ['ACME']), true);
    assert.equal(mayAccessAccount(acme, ['ACME:1', 'ACME']), true);
    assert.equal(mayAccessAccount(acme, ['ACME:1:a', 'ACME:1', 'ACME']), true);
  });

  it('given a key of a sub-account, when it reads its parent or a sibling, then it may not', () => {
    const sub: Principal = { ...acme, accountId: 'ACME:1' };
    assert.equal(mayAccessAccount(sub, ['ACME']), false);
    assert.equal(mayAccessAccount(sub, ['ACME:2', 'ACME']), false);
  });

  it('given a key of ACME, when it reads another account whose id starts alike, then it may not', () => {
    assert.equal(mayAccessAccount(acme, ['ACMEX']), false);
  });
});

describe('staff keys', () => {
  for (const role of ['operator', 'admin', 'auditor'] as const) {
    it(`given a ${role} key, when it reads any account, then it may`, () => {
      assert.equal(mayAccessAccount({ keyId: '00000000000000b2', role }, ['OTHER']), true);
    });
  }

  it('given a route for operators and admins, when an auditor calls it, then the role is refused', () => {
    assert.equal(roleAllowed({ keyId: '00000000000000c3', role: 'auditor' }, ['operator', 'admin']), false);
    assert.equal(roleAllowed({ keyId: '00000000000000c3', role: 'admin' }, ['operator', 'admin']), true);
  });
});

describe('key binding', () => {
  it('an account key needs its account and a staff key takes none', () => {
    assert.match(keyBindingProblem('account', undefined) ?? '', /needs the account/);
    assert.match(keyBindingProblem('operator', 'ACME') ?? '', /not bound/);
    assert.equal(keyBindingProblem('account', 'ACME'), undefined);
    assert.equal(keyBindingProblem('admin', undefined), undefined);
  });
});
