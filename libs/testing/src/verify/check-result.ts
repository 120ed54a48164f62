/** The outcome of one verify check: `details` names the first few offending items, `problems` counts all. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly problems: number;
  readonly details: readonly string[];
}

/** How many offending items a report shows per check: enough to start digging, not a flood. */
export const MAX_DETAILS = 10;

export function checkResult(name: string, problems: readonly string[]): CheckResult {
  return {
    name,
    ok: problems.length === 0,
    problems: problems.length,
    details: problems.slice(0, MAX_DETAILS),
  };
}
