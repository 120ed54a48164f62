import { DashboardSpec } from './dashboard-kit';

const stepsOf = (selector: string) =>
  `sum by (action) (increase(clearing_deleveraging_steps_total{${selector}}[$__rate_interval]))`;

export const SOLVENCY_DASHBOARD: DashboardSpec = {
  uid: 'clearing-solvency',
  title: 'Clearing / Waterfall and solvency',
  description:
    'Liquidation cases and their steps, insurance funds, ADL, socialized loss, Cover 2, settlement cycles.',
  rows: [
    {
      title: 'Loss waterfall',
      panels: [
        {
          title: 'Liquidation cases opened, open and closed by outcome',
          description:
            'A case opens below maintenance and closes restored, covered by the fund, by ADL or socialized.',
          unit: 'short',
          queries: [
            {
              expr: 'sum(increase(clearing_deleveraging_cases_opened_total[$__rate_interval]))',
              legend: 'opened',
            },
            { expr: 'sum(clearing_deleveraging_cases_open)', legend: 'open' },
            {
              expr: 'sum by (outcome) (increase(clearing_deleveraging_cases_closed_total[$__rate_interval]))',
              legend: 'closed {{outcome}}',
            },
          ],
        },
        {
          title: 'Case steps booked by action',
          description:
            'Partial liquidations, insurance-fund draws, ADL and socialized losses the ledger booked.',
          unit: 'short',
          queries: [{ expr: stepsOf('status="booked"'), legend: '{{action}}' }],
        },
        {
          title: 'Step commands refused',
          description: 'Step commands the ledger refused: each needs an operator (docs/RUNBOOK.md).',
          unit: 'short',
          queries: [
            {
              expr: 'sum(increase(clearing_deleveraging_step_commands_refused_total[$__rate_interval]))',
              legend: 'refused',
            },
          ],
        },
      ],
    },
    {
      title: 'Insurance fund, ADL and socialized loss',
      panels: [
        {
          title: 'Insurance fund balance',
          description: 'All shard funds, USD (every deleveraging instance reports all of them).',
          unit: 'currencyUSD',
          queries: [{ expr: 'max(clearing_deleveraging_insurance_fund_usd)', legend: 'funds' }],
        },
        {
          title: 'Backstop shortfall',
          description:
            "How far the backstop's margin NLV is below the maintenance requirement of what it took over, USD (0: covered). It is never liquidated: the operator funds or hedges it (docs/RUNBOOK.md#backstopundermargined).",
          unit: 'currencyUSD',
          queries: [{ expr: 'max(clearing_backstop_margin_shortfall_usd)', legend: 'shortfall' }],
        },
        {
          title: 'Insurance fund draws and ADL events',
          description:
            'Steps that drew on a fund, and auto-deleveraging steps against profitable opposite positions.',
          unit: 'short',
          queries: [{ expr: stepsOf('action=~"insurance-draw|adl",status="booked"'), legend: '{{action}}' }],
        },
        {
          title: 'Socialized losses',
          description:
            'Losses nobody covered, spread over the winners (the last resort of the waterfall): steps, and USD.',
          unit: 'short',
          queries: [
            { expr: stepsOf('action="socialized-loss",status="booked"'), legend: 'socialized steps' },
            {
              expr: 'sum(increase(clearing_deleveraging_socialized_loss_usd_total[$__rate_interval]))',
              legend: 'USD socialized',
            },
          ],
        },
      ],
    },
    {
      title: 'Solvency and settlement',
      panels: [
        {
          title: 'Cover 2 coverage ratio',
          description:
            '(insurance fund + CCP excess) / stress losses of the two largest members; below 1 is a shortfall.',
          unit: 'short',
          stat: true,
          queries: [{ expr: 'min(clearing_deleveraging_cover_two_ratio)', legend: 'Cover 2' }],
        },
        {
          title: 'Settlement cycles closed',
          description: 'Netting cycles closed by the journal writers (one settlements.v1 summary each).',
          unit: 'short',
          queries: [
            { expr: 'sum(increase(clearing_settlement_cycles_total[$__rate_interval]))', legend: 'cycles' },
          ],
        },
        {
          title: 'Netting efficiency',
          description:
            '1 - net / gross of the last cycle per asset: the share of obligations netting removed.',
          unit: 'percentunit',
          queries: [
            { expr: 'max by (asset) (clearing_settlement_netting_efficiency_ratio)', legend: '{{asset}}' },
          ],
        },
      ],
    },
  ],
};
