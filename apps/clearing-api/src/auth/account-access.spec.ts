import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { Principal } from '@clearing/access';
import { AccountAccess } from './account-access';

/** The accounts table as parent links, answering the ancestry query and counting the round trips. */
function accountsTable(parents: Map<string, string | null>): { db: DataSource; reads: () => number } {
  let reads = 0;
  const query = (_sql: string, [accountId]: [string]) => {
    reads++;
    const chain: { account_id: string }[] = [];
    for (let id: string | null | undefined = accountId; id != null && parents.has(id); id = parents.get(id))
      chain.push({ account_id: id });
    return Promise.resolve(chain);
  };
  return { db: { query } as unknown as DataSource, reads: () => reads };
}

const FUND: Principal = { keyId: '0123456789abcdef', role: 'account', accountId: 'FUND' };

describe('AccountAccess: the own-account check', () => {
  it('given a sub-account checked once, when checked again, then the ancestry comes from memory', async () => {
    const table = accountsTable(
      new Map([
        ['FUND', null],
        ['FUND-A', 'FUND'],
      ]),
    );
    const access = new AccountAccess(table.db);
    assert.equal(await access.mayAccess(FUND, 'FUND-A'), true);
    assert.equal(await access.mayAccess(FUND, 'FUND-A'), true);
    assert.equal(table.reads(), 1);
  });

  it("given another fund's account in memory, when a fund key asks, then it is still refused", async () => {
    const table = accountsTable(
      new Map([
        ['FUND', null],
        ['OTHER', null],
      ]),
    );
    const access = new AccountAccess(table.db);
    const staff: Principal = { keyId: 'fedcba9876543210', role: 'auditor' };
    assert.equal(await access.mayAccess(staff, 'OTHER'), true);
    assert.equal(await access.mayAccess(FUND, 'OTHER'), false);
  });

  it('given an account unknown when first asked, when it is opened later, then the key reaches it', async () => {
    const parents = new Map<string, string | null>([['FUND', null]]);
    const access = new AccountAccess(accountsTable(parents).db);
    assert.equal(await access.mayAccess(FUND, 'FUND-NEW'), false);
    parents.set('FUND-NEW', 'FUND');
    assert.equal(await access.mayAccess(FUND, 'FUND-NEW'), true);
  });
});
