import { isKeyId, issueApiKey, parseApiKey, secretMatches } from './api-key';
import { isRole, keyBindingProblem, Principal, Role } from './roles';

/** The one thing the store needs from a database client: parameterised SQL (TypeORM DataSource, pg). */
export interface SqlClient {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface NewApiKey {
  readonly role: Role;
  readonly accountId?: string;
  /** Free text for people: whose key, what for. */
  readonly label?: string;
  /** Who created it: the creating key's id, or `cli:<os user>` for the CLI. */
  readonly createdBy: string;
}

export interface ApiKeyRecord {
  readonly keyId: string;
  readonly role: Role;
  readonly accountId: string | null;
  readonly label: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

interface ApiKeyRow {
  key_id: string;
  secret_sha256: string;
  role: string;
  account_id: string | null;
  label: string | null;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

export class KeyBindingError extends Error {}

const COLUMNS = 'key_id, role, account_id, label, created_by, created_at, revoked_at';

/**
 * Postgres NOTIFY channel of revocations (payload: the key id). Sent in the revoking statement, so it is
 * delivered exactly when the revocation commits: API instances drop the key from their caches at once.
 */
export const API_KEY_REVOCATIONS_CHANNEL = 'clearing_api_key_revoked';

/** A live key as stored: who it stands for and the hash its secret must match. */
export interface LiveApiKey {
  readonly principal: Principal;
  readonly secretSha256: string;
}

/** API keys in Postgres (`api_keys`): only the secret's hash is stored; revocation is immediate. */
export class ApiKeyStore {
  constructor(private readonly db: SqlClient) {}

  /** Returns the whole key: the only time its secret exists outside the caller's hands. */
  async create(key: NewApiKey): Promise<{ record: ApiKeyRecord; token: string }> {
    const problem = keyBindingProblem(key.role, key.accountId);
    if (problem) throw new KeyBindingError(problem);
    const issued = issueApiKey();
    const rows = (await this.db.query(
      `INSERT INTO api_keys (key_id, secret_sha256, role, account_id, label, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [issued.keyId, issued.secretSha256, key.role, key.accountId ?? null, key.label ?? null, key.createdBy],
    )) as ApiKeyRow[];
    return { record: recordOf(rows[0]), token: issued.token };
  }

  /** False when no live key has this id (unknown or already revoked). */
  async revoke(keyId: string): Promise<boolean> {
    if (!isKeyId(keyId)) return false;
    // As a SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count], which always has length 2.
    // The NOTIFY rides in the same statement (so the same transaction): sent if and only if the key is revoked.
    const rows = (await this.db.query(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL RETURNING key_id)
       SELECT key_id, pg_notify($2, key_id) FROM revoked`,
      [keyId, API_KEY_REVOCATIONS_CHANNEL],
    )) as unknown[];
    return rows.length > 0;
  }

  async find(keyId: string): Promise<ApiKeyRecord | undefined> {
    if (!isKeyId(keyId)) return undefined;
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE key_id = $1`, [
      keyId,
    ])) as ApiKeyRow[];
    return rows[0] && recordOf(rows[0]);
  }

  async list(page: { limit: number; offset: number }): Promise<ApiKeyRecord[]> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, key_id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    )) as ApiKeyRow[];
    return rows.map(recordOf);
  }

  /** The principal a presented key stands for; undefined when malformed, unknown, wrong or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(token);
    if (!parsed) return undefined;
    const live = await this.findLive(parsed.keyId);
    return live && secretMatches(parsed.secret, live.secretSha256) ? live.principal : undefined;
  }

  /** The key with this id unless unknown or revoked; the caller checks the presented secret. */
  async findLive(keyId: string): Promise<LiveApiKey | undefined> {
    if (!isKeyId(keyId)) return undefined;
    const rows = (await this.db.query(
      'SELECT key_id, secret_sha256, role, account_id FROM api_keys WHERE key_id = $1 AND revoked_at IS NULL',
      [keyId],
    )) as ApiKeyRow[];
    const row = rows[0];
    if (!row || !isRole(row.role)) return undefined;
    const principal: Principal =
      row.account_id === null
        ? { keyId: row.key_id, role: row.role }
        : { keyId: row.key_id, role: row.role, accountId: row.account_id };
    return { principal, secretSha256: row.secret_sha256 };
  }
}

function recordOf(row: ApiKeyRow): ApiKeyRecord {
  if (!isRole(row.role)) throw new Error(`api_keys row ${row.key_id} has unknown role ${row.role}`);
  return {
    keyId: row.key_id,
    role: row.role,
    accountId: row.account_id,
    label: row.label,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
