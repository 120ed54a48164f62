import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseFixture } from '@clearing/testing';
import { MIGRATIONS } from '../../../migrations';
import { ApiKeyStore, KeyBindingError } from './api-key-store';
import { parseApiKey } from './api-key';

describe('ApiKeyStore on Postgres (TypeORM DataSource)', () => {
  const database = new DatabaseFixture(MIGRATIONS);
  let store: ApiKeyStore;
  before(async () => {
    store = new ApiKeyStore(await database.open());
  });
  after(() => database.close());

  it('given a created key, when presented, then it authenticates as its role and account; revoked, it does not', async () => {
    const { token, record } = await store.create({ role: 'account', accountId: 'ACME', createdBy: 'test' });
    assert.deepEqual(await store.authenticate(token), {
      keyId: record.keyId,
      role: 'account',
      accountId: 'ACME',
    });
    assert.equal(await store.revoke(record.keyId), true);
    assert.equal(await store.authenticate(token), undefined);
    assert.equal(await store.revoke(record.keyId), false, 'a key is revoked once');
  });

  it('given a key id nobody issued, when revoked, then nothing is revoked', async () => {
    assert.equal(await store.revoke('0123456789abcdef'), false);
  });

  it('given the stored row, then it holds the hash and never the secret', async () => {
    const { token, record } = await store.create({ role: 'auditor', createdBy: 'test' });
    const rows = await database.dataSource.query('SELECT * FROM api_keys WHERE key_id = $1', [record.keyId]);
    assert.equal(JSON.stringify(rows).includes(parseApiKey(token)!.secret), false);
  });

  it('given a wrong secret for a live key id, when presented, then it is refused', async () => {
    const { record } = await store.create({ role: 'admin', createdBy: 'test' });
    assert.equal(await store.authenticate(`ck_${record.keyId}_${'B'.repeat(43)}`), undefined);
  });

  it('given an operator key bound to an account, when created, then it is refused', async () => {
    await assert.rejects(
      store.create({ role: 'operator', accountId: 'ACME', createdBy: 'test' }),
      KeyBindingError,
    );
  });
});
