import { DashboardSpec } from './dashboard-kit';

export const RISK_DASHBOARD: DashboardSpec = {
  uid: 'clearing-risk',
  title: 'Clearing / Risk',
  description:
    'Account health, system margin and the netting saving, Greeks, the oracle, funding and open interest.',
  rows: [
    {
      title: 'Margin',
      panels: [
        {
          title: 'Accounts by health band',
          description:
            'Last published margin of every account (unpriced: something held has no usable mark).',
          unit: 'short',
          queries: [{ expr: 'sum by (band) (clearing_margin_accounts_by_band)', legend: '{{band}}' }],
        },
        {
          title: 'System NLV, IM and MM',
          description:
            'Sums over all accounts of net liquidation value and required initial / maintenance margin.',
          unit: 'currencyUSD',
          queries: [{ expr: 'sum by (figure) (clearing_margin_system_usd)', legend: '{{figure}}' }],
        },
        {
          title: 'Portfolio vs standard margin',
          description:
            'IM by both methods over all accounts; the difference is what netting saves the members.',
          unit: 'currencyUSD',
          queries: [
            { expr: 'sum by (method) (clearing_margin_initial_requirement_usd)', legend: '{{method}}' },
            {
              expr: 'sum(clearing_margin_initial_requirement_usd{method="standard"}) - sum(clearing_margin_initial_requirement_usd{method="portfolio"})',
              legend: 'saving',
            },
          ],
        },
        {
          title: 'Greeks per underlying',
          description:
            'Delta (USD), gamma (USD per 1% move) and vega (USD per vol point) summed over accounts.',
          unit: 'currencyUSD',
          queries: [
            {
              expr: 'sum by (underlying, greek) (clearing_margin_greeks_usd)',
              legend: '{{underlying}} {{greek}}',
            },
          ],
        },
        {
          title: 'Open interest',
          description: 'Long contracts held per instrument (a matched book: as many short).',
          unit: 'short',
          queries: [
            {
              expr: 'sum by (instrument) (clearing_margin_open_interest_contracts)',
              legend: '{{instrument}}',
            },
          ],
        },
      ],
    },
    {
      title: 'Oracle',
      panels: [
        {
          title: 'Index prices',
          description: 'Last published index per underlying (median of fresh, non-outlying sources).',
          unit: 'currencyUSD',
          queries: [
            { expr: 'max by (underlying) (clearing_oracle_index_price_usd)', legend: '{{underlying}}' },
          ],
        },
        {
          title: 'Mark prices',
          description: 'Last published mark per contract of every instrument.',
          unit: 'currencyUSD',
          queries: [
            { expr: 'max by (instrument) (clearing_oracle_mark_price_usd)', legend: '{{instrument}}' },
          ],
        },
        {
          title: 'Index confidence: sources',
          description: 'Sources used, known, stale and outlying in the last index of each underlying.',
          unit: 'short',
          queries: [
            {
              expr: 'max by (underlying, state) (clearing_oracle_index_sources)',
              legend: '{{underlying}} {{state}}',
            },
          ],
        },
        {
          title: 'Invalid indexes and marks',
          description:
            '1 per invalid index or mark: margin, liquidation and funding pause on what it prices.',
          unit: 'short',
          queries: [
            { expr: 'sum by (underlying) (1 - clearing_oracle_index_valid)', legend: 'index {{underlying}}' },
            { expr: 'sum(1 - clearing_oracle_mark_valid)', legend: 'invalid marks' },
          ],
        },
        {
          title: 'Observations accepted and refused',
          description:
            'Quotes the valuation fold took, and those refused by reason (stale, out of order...).',
          unit: 'ops',
          queries: [
            {
              expr: 'sum(rate(clearing_oracle_observations_accepted_total[$__rate_interval]))',
              legend: 'accepted',
            },
            {
              expr: 'sum by (reason) (rate(clearing_oracle_observations_rejected_total[$__rate_interval]))',
              legend: 'refused {{reason}}',
            },
          ],
        },
        {
          title: 'Funding rates',
          description: 'Funding rate per period in the last mark of each perpetual (positive: longs pay).',
          unit: 'percentunit',
          queries: [
            {
              expr: 'max by (instrument) (clearing_oracle_funding_rate_per_period)',
              legend: '{{instrument}}',
            },
          ],
        },
      ],
    },
  ],
};
