import { userInfo } from 'node:os';
import { ApiKeyRecord, ApiKeyStore, isRole, KeyBindingError } from '@clearing/access';
import { databaseUrlFromEnv } from '@clearing/config';
import { createDataSource } from '@clearing/persistence';
import { CliCommand, parseArgs } from '../command';

const USAGE = `usage: clearing keys create --role ROLE [--account ACCOUNT] [--label TEXT] [--schema NAME]
       clearing keys revoke KEY_ID [--schema NAME]
       clearing keys list [--schema NAME]

  create   issue an API key and print it once (roles: account, operator, admin, auditor;
           --account is required for, and only for, an account key)
  revoke   refuse the key from its next request on
  list     every key with its role, account and state (never a secret)

Writes Postgres directly (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/clearing): this is
how the very first admin key is made; after that admins can also use POST /v1/admin/api-keys.`;

/** API keys of the clearing API, from the operator's shell. */
export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'create, revoke or list API keys of the clearing API',
  usage: USAGE,
  async run(args) {
    const { flags, positional } = parseArgs(args);
    const dataSource = createDataSource({
      url: databaseUrlFromEnv(),
      schema: flags.get('schema') ?? process.env.DATABASE_SCHEMA,
      poolSize: 1,
    });
    await dataSource.initialize();
    try {
      return await runKeysAction(new ApiKeyStore(dataSource), positional, flags);
    } finally {
      await dataSource.destroy();
    }
  },
};

async function runKeysAction(
  store: ApiKeyStore,
  positional: readonly string[],
  flags: ReadonlyMap<string, string>,
): Promise<number> {
  const [action, keyId] = positional;
  if (action === 'create') return createKey(store, flags);
  if (action === 'revoke' && keyId !== undefined) return revokeKey(store, keyId);
  if (action === 'list') {
    for (const key of await store.list({ limit: 10_000, offset: 0 }))
      process.stdout.write(`${describe(key)}\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

async function createKey(store: ApiKeyStore, flags: ReadonlyMap<string, string>): Promise<number> {
  const role = flags.get('role');
  if (!isRole(role)) {
    process.stderr.write(`keys create: --role must be one of account, operator, admin, auditor\n`);
    return 2;
  }
  try {
    const { record, token } = await store.create({
      role,
      accountId: flags.get('account'),
      label: flags.get('label'),
      createdBy: `cli:${userInfo().username}`,
    });
    process.stderr.write(`created ${describe(record)}\nthe key below is shown once: store it now\n`);
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof KeyBindingError)) throw error;
    process.stderr.write(`keys create: ${error.message}\n`);
    return 2;
  }
}

async function revokeKey(store: ApiKeyStore, keyId: string): Promise<number> {
  if (await store.revoke(keyId)) {
    process.stdout.write(`revoked ${keyId}\n`);
    return 0;
  }
  process.stderr.write(`keys revoke: no live key ${keyId}\n`);
  return 1;
}

function describe(key: ApiKeyRecord): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'live';
  const account = key.accountId ? ` account=${key.accountId}` : '';
  return `${key.keyId} role=${key.role}${account} ${state} by ${key.createdBy}${key.label ? ` "${key.label}"` : ''}`;
}
