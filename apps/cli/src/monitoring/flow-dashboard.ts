import { DashboardSpec } from './dashboard-kit';

/** Rate over Grafana's interval of a counter on topics ending in `topicSuffix` (any namespace). */
const rateOn = (metric: string, topicSuffix: string, by = '') =>
  `sum${by}(rate(${metric}{topic=~".*${topicSuffix}"}[$__rate_interval]))`;

const latency = (q: number, metric: string, by: string) =>
  `histogram_quantile(${q}, sum by (le${by}) (rate(${metric}_bucket[$__rate_interval])))`;

export const FLOW_DASHBOARD: DashboardSpec = {
  uid: 'clearing-flow',
  title: 'Clearing / Flow',
  description: 'Fills in, what the ledger booked, consumers and their lag, latency, dead letters and halts.',
  rows: [
    {
      title: 'Intake',
      panels: [
        {
          title: 'Fills in, accepted and rejected by reason',
          description:
            'Fills read from fills.v1; accepted = read - dead-lettered - forwarded to their owner.',
          unit: 'ops',
          queries: [
            { expr: rateOn('clearing_messages_consumed_total', 'fills.v1'), legend: 'in' },
            {
              expr: `${rateOn('clearing_messages_consumed_total', 'fills.v1')} - ${rateOn('clearing_messages_dead_lettered_total', 'fills.v1')} - ${rateOn('clearing_messages_forwarded_total', 'fills.v1')}`,
              legend: 'accepted',
            },
            {
              expr: rateOn('clearing_messages_dead_lettered_total', 'fills.v1', ' by (reason) '),
              legend: 'rejected {{reason}}',
            },
          ],
        },
        {
          title: 'Ledger commands in, and journal events by type',
          description:
            'Commands read by the journal writers, and the events their projection committed by type (CommandRejected: refused with a reason).',
          unit: 'ops',
          queries: [
            { expr: rateOn('clearing_messages_consumed_total', 'ledger.commands.v1'), legend: 'commands in' },
            {
              expr: 'sum by (type) (rate(clearing_journal_events_total[$__rate_interval]))',
              legend: '{{type}}',
            },
          ],
        },
        {
          title: 'Journal events written',
          description: 'Events the single writers committed to ledger.journal.v1, per second.',
          unit: 'ops',
          queries: [
            { expr: rateOn('clearing_messages_produced_total', 'ledger.journal.v1'), legend: 'events/s' },
          ],
        },
      ],
    },
    {
      title: 'Consumers',
      panels: [
        {
          title: 'Consumer lag per group and partition',
          description:
            'High watermark minus committed offset; the job is the service, the topic its group input.',
          unit: 'short',
          queries: [
            {
              expr: 'sum by (job, topic, partition) (clearing_consumer_lag_messages)',
              legend: '{{job}} {{topic}}[{{partition}}]',
            },
          ],
        },
        {
          title: 'Batch latency p99',
          description: 'One consumed batch end to end (decide, produce, project, commit).',
          unit: 's',
          queries: [
            {
              expr: latency(0.99, 'clearing_batch_duration_seconds', ', job, topic'),
              legend: '{{job}} {{topic}}',
            },
          ],
        },
        {
          title: 'Fill-to-margin latency',
          description: 'From the journal event of a cleared fill to the margin of its account published.',
          unit: 's',
          queries: [0.5, 0.9, 0.99].map((q) => ({
            expr: latency(q, 'clearing_margin_journal_to_margin_seconds', ''),
            legend: `p${q * 100}`,
          })),
        },
      ],
    },
    {
      title: 'Faults',
      panels: [
        {
          title: 'Dead letters by topic and reason',
          description: 'Input refused to the .dlq twin of its topic; a rise is a misbehaving upstream.',
          unit: 'ops',
          queries: [
            {
              expr: 'sum by (topic, reason) (rate(clearing_messages_dead_lettered_total[$__rate_interval]))',
              legend: '{{topic}} {{reason}}',
            },
          ],
        },
        {
          title: 'Halted partitions',
          description:
            'Partitions stopped by a broken ledger invariant: see docs/RUNBOOK.md#partitionhalted.',
          unit: 'short',
          stat: true,
          queries: [{ expr: 'sum(clearing_partition_halted) or vector(0)', legend: 'halted' }],
        },
        {
          title: 'Services up and consumers joined',
          description: 'Scrape health of each service, and whether its consumer holds partitions.',
          unit: 'short',
          queries: [
            { expr: 'up', legend: '{{job}} up' },
            { expr: 'sum by (job) (clearing_consumer_joined)', legend: '{{job}} joined' },
            {
              expr: 'sum by (job) (increase(clearing_consumer_crashes_total[$__rate_interval]))',
              legend: '{{job}} crashes',
            },
          ],
        },
      ],
    },
  ],
};
