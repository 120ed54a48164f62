// Dashboards as data, rendered with Grafana's own foundation SDK: the definitions stay short and readable,
// the SDK owns the JSON model (panel types, field config, schema version).
import {
  LegendDisplayMode,
  LegendPlacement,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';

/** The provisioned datasource (deploy/grafana/provisioning/datasources/prometheus.yml). */
const DATASOURCE = { type: 'prometheus', uid: 'prometheus' };

export interface Query {
  readonly expr: string;
  /** Grafana legend template, e.g. `{{reason}}`. */
  readonly legend: string;
}

export interface PanelSpec {
  readonly title: string;
  /** Why an operator looks at it: shown as the panel's description. */
  readonly description: string;
  /** Grafana unit id: `ops`, `s`, `short`, `currencyUSD`, `percentunit`... */
  readonly unit: string;
  readonly queries: readonly Query[];
  /** A single figure (stat) instead of a time series. */
  readonly stat?: boolean;
}

export interface RowSpec {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly RowSpec[];
}

const PANEL_HEIGHT = 8;
const PANEL_WIDTH = 8;

function panelOf(spec: PanelSpec): StatPanel | TimeseriesPanel {
  const panel = spec.stat ? new StatPanel() : timeseriesPanel();
  panel
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .unit(spec.unit)
    .height(PANEL_HEIGHT)
    .span(PANEL_WIDTH);
  spec.queries.forEach((query, i) =>
    panel.withTarget(
      new DataqueryBuilder()
        .datasource(DATASOURCE)
        .refId(String.fromCharCode(65 + i))
        .expr(query.expr)
        .legendFormat(query.legend),
    ),
  );
  return panel;
}

/** A time series with its legend shown as a table: series are told apart by their labels. */
function timeseriesPanel(): TimeseriesPanel {
  const legend = new VizLegendOptionsBuilder()
    .showLegend(true)
    .displayMode(LegendDisplayMode.Table)
    .placement(LegendPlacement.Bottom);
  return new TimeseriesPanel().legend(legend);
}

/** The dashboard's JSON model as Grafana provisions it from a file. */
export function buildDashboard(spec: DashboardSpec): unknown {
  const dashboard = new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags(['clearing', 'generated'])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('utc')
    .readonly();
  for (const row of spec.rows) {
    dashboard.withRow(new RowBuilder(row.title));
    for (const panel of row.panels) dashboard.withPanel(panelOf(panel));
  }
  return dashboard.build();
}
