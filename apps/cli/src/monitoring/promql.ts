import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEPLOY_DIR } from './dashboards';

/** One PromQL expression and where it comes from (dashboard / panel, or the alert's name). */
export interface LocatedExpr {
  readonly where: string;
  readonly expr: string;
}

export const RULES_DIR = path.join(DEPLOY_DIR, 'prometheus/rules');
const DASHBOARD_DIR = path.join(DEPLOY_DIR, 'grafana/dashboards');

interface DashboardJson {
  title: string;
  panels: { title: string; targets?: { expr: string }[] }[];
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

const filesIn = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));

/** Every target expression of every panel of the committed dashboards. */
export function dashboardExprs(): LocatedExpr[] {
  return filesIn(DASHBOARD_DIR, '.json').flatMap((file) => {
    const dashboard = JSON.parse(readFileSync(file, 'utf8')) as DashboardJson;
    return dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((t) => ({ where: `${dashboard.title} / ${panel.title}`, expr: t.expr })),
    );
  });
}

/** Every alert (and recording) rule's expression in deploy/prometheus/rules. */
export function ruleExprs(): LocatedExpr[] {
  return filesIn(RULES_DIR, '.yml').flatMap((file) =>
    (parse(readFileSync(file, 'utf8')) as RuleFile).groups.flatMap((group) =>
      group.rules.map((rule) => ({ where: rule.alert ?? rule.record ?? group.name, expr: rule.expr })),
    ),
  );
}

const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;
const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

/**
 * The metric names an expression reads: identifiers that are neither functions (followed by `(`), label
 * names (inside braces or by-lists), keywords nor Grafana variables. A histogram's _bucket/_sum/_count
 * series count as the histogram.
 */
export function metricNamesIn(expr: string): string[] {
  const withoutLabels = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/"[^"]*"/g, ' ');
  const names = [...withoutLabels.matchAll(/(?<![\w$.])([a-zA-Z_:][\w:]*)\b(?!\s*\()/g)]
    .map((m) => m[1])
    .filter((name) => !PROMQL_WORDS.has(name) && !/^\d/.test(name));
  return [...new Set(names.map((name) => name.replace(HISTOGRAM_SERIES, '')))];
}
