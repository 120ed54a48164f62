import { VerifyReport } from '@clearing/testing';

/** One line per check (ok / FAILED with its problem count), the first offending items indented below. */
export function formatReport(report: VerifyReport): string {
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const lines = report.checks.flatMap((check) => [
    `${check.name.padEnd(width)}  ${check.ok ? 'ok' : `FAILED (${check.problems} problem${check.problems === 1 ? '' : 's'})`}`,
    ...check.details.map((detail) => `    ${detail}`),
    ...(check.problems > check.details.length
      ? [`    ... and ${check.problems - check.details.length} more`]
      : []),
  ]);
  const { records, events, accounts, fills, projectedEvents } = report.counts;
  lines.push(
    '',
    `journal: ${records} records, ${events} events, ${accounts} accounts, ${fills} fills; projection compared at ${projectedEvents} events`,
    report.ok ? 'verify: ok' : 'verify: FAILED',
  );
  return `${lines.join('\n')}\n`;
}
