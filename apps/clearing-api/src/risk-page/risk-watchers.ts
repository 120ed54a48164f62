import { Role } from '@clearing/access';

/**
 * Who may watch the whole system's risk live: operators (who act on it) and auditors (who check it).
 * Not admins: key management is a different job, and an admin key left in a browser tab is too much power.
 */
export const RISK_WATCHERS: readonly Role[] = ['operator', 'auditor'];
