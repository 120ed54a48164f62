/** One thing wrong with one environment variable, phrased for the operator who set it. */
export interface ConfigIssue {
  readonly variable: string;
  readonly problem: string;
}

/**
 * Thrown at boot when the environment cannot be turned into a ClearingConfig. It lists every issue at once
 * so an operator fixes the deployment in one round instead of one variable per crash loop.
 */
export class ConfigValidationError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}
