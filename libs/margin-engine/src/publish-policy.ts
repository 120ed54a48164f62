import { AccountMarginV1, MarginV1 } from '@clearing/contracts';

/** A figure is republished when it moved by more than max(absoluteUsd, relative x its last published value). */
export interface PublishThreshold {
  readonly relative: number;
  readonly absoluteUsd: number;
}

const WATCHED = ['nlvUsd', 'marginNlvUsd', 'initialNlvUsd', 'freeCollateralUsd'] as const;

/**
 * Whether `next` is worth a margin.v1 message given what was last published: always the first time, on a
 * change of kind or health band (the deleveraging engine acts on bands) or of why it is unpriced, otherwise
 * only when a figure moved beyond the threshold, so a quiet tick costs no message.
 */
export function worthPublishing(
  next: MarginV1,
  last: MarginV1 | undefined,
  threshold: PublishThreshold,
): boolean {
  if (last === undefined || next.kind !== last.kind) return true;
  if (next.kind === 'account-unpriced' || last.kind === 'account-unpriced') {
    return reasonOf(next) !== reasonOf(last) || !sameMissing(missingOf(next), missingOf(last));
  }
  if (next.health.band !== last.health.band || next.method !== last.method) return true;
  const figures = (m: AccountMarginV1) => [...WATCHED.map((k) => m[k]), m.required.imUsd, m.required.mmUsd];
  const before = figures(last);
  return figures(next).some((value, i) => moved(Number(value), Number(before[i]), threshold));
}

function moved(now: number, before: number, threshold: PublishThreshold): boolean {
  return Math.abs(now - before) > Math.max(threshold.absoluteUsd, threshold.relative * Math.abs(before));
}

const missingOf = (m: MarginV1): readonly string[] => (m.kind === 'account-unpriced' ? m.missing : []);
const reasonOf = (m: MarginV1): string | undefined => (m.kind === 'account-unpriced' ? m.reason : undefined);

function sameMissing(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
