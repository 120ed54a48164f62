import { randomBytes } from 'node:crypto';

/** A name no other test (or earlier run) uses: topics and schemas are never shared between tests. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
