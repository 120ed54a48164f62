/**
 * Who may do what at the API. Pure rules: no framework, no I/O; the Nest guard and the CLI apply them.
 *
 * - `account`: bound to one account; reads (and, for writes that allow it, acts on) that account and its
 *   sub-accounts only.
 * - `operator`: runs the desk day to day (reads everything, deposits, account lifecycle).
 * - `admin`: changes what the system is (keys, instruments, risk parameters, resuming partitions).
 * - `auditor`: reads everything, changes nothing.
 */
export const ROLES = ['account', 'operator', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Every role may read; the one role that may only read its own accounts is `account`. */
export const READERS: readonly Role[] = ROLES;
/** Staff who see every account. */
export const STAFF_READERS: readonly Role[] = ['operator', 'admin', 'auditor'];

/** The authenticated caller of one request. */
export interface Principal {
  readonly keyId: string;
  readonly role: Role;
  /** Set exactly when role is `account`: the account the key acts for. */
  readonly accountId?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAllowed(principal: Principal, allowed: readonly Role[]): boolean {
  return allowed.includes(principal.role);
}

/** True when the principal reads across accounts; an `account` key is confined to its own tree. */
export function seesEveryAccount(principal: Principal): boolean {
  return principal.role !== 'account';
}

/**
 * Whether `principal` may see the account whose ancestry is given, nearest first: `[target, parent,
 * grandparent, ...]`. An account key reaches its own account and every account below it, never a
 * sibling or a parent.
 */
export function mayAccessAccount(principal: Principal, ancestry: readonly string[]): boolean {
  if (seesEveryAccount(principal)) return true;
  return principal.accountId !== undefined && ancestry.includes(principal.accountId);
}

/** The combinations a key may be created with: an account key names its account, staff keys none. */
export function keyBindingProblem(role: Role, accountId: string | undefined): string | undefined {
  if (role === 'account' && accountId === undefined) return 'an account key needs the account it acts for';
  if (role !== 'account' && accountId !== undefined) return `an ${role} key is not bound to an account`;
  return undefined;
}
