import path from 'node:path';
import { infraPaths } from '../infra/paths';
import { buildDashboard, DashboardSpec } from './dashboard-kit';
import { FLOW_DASHBOARD } from './flow-dashboard';
import { RISK_DASHBOARD } from './risk-dashboard';
import { SOLVENCY_DASHBOARD } from './solvency-dashboard';

export const DASHBOARDS: readonly DashboardSpec[] = [FLOW_DASHBOARD, RISK_DASHBOARD, SOLVENCY_DASHBOARD];

export const DEPLOY_DIR = path.join(infraPaths().repoRoot, 'deploy');
export const DASHBOARD_DIR = path.join(DEPLOY_DIR, 'grafana/dashboards');

/** File name -> the exact text committed in deploy/grafana/dashboards (what the generator check compares). */
export function renderedDashboards(): Map<string, string> {
  return new Map(
    DASHBOARDS.map((spec) => [`${spec.uid}.json`, `${JSON.stringify(buildDashboard(spec), null, 2)}\n`]),
  );
}
