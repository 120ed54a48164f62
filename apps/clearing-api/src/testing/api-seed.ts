// Test support: a small book as the projections would hold it, so reads have something exact to show.
import { DataSource } from 'typeorm';

/** ACME owns sub-account ACME:1; OTHER is a stranger to ACME's key. */
export const SEED = {
  own: 'ACME',
  sub: 'ACME:1',
  other: 'OTHER',
  otherCase: 'OTHER#1',
  ownCase: 'ACME#1',
  cycle: '2-7',
} as const;

const MARK = {
  kind: 'instrument',
  instrument: 'BTC-27DEC26-60000-C',
  underlying: 'BTC',
  option: {
    forward: '61250.1',
    vol: '0.55',
    years: '0.0611',
    greeks: { delta: 0.5, gamma: 0, vega: 1, theta: -1, rho: 0 },
  },
};

export async function seedBook(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO accounts (account_id, parent_account_id) VALUES ('ACME', NULL), ('ACME:1', 'ACME'),
    ('OTHER', NULL)`);
  await db.query(`INSERT INTO balances VALUES ('ACME', 'USDC', 1000000.5, 2), ('OTHER', 'USDC', 42, 1)`);
  await db.query(`INSERT INTO instruments (symbol, kind, definition, source) VALUES
    ('BTC-PERP', 'perpetual', '{"symbol":"BTC-PERP"}', 'config'),
    ('BTC-27DEC26-60000-C', 'option', '{"expiry":"2026-12-27T08:00:00Z","strike":"60000","optionType":"call"}', 'config')`);
  // 2 contracts bought at 60,000 (cost 120,000) marked at 61,000: unrealized +2,000.
  await db.query(`INSERT INTO positions VALUES ('ACME', 'BTC-PERP', 2, 120000, 60000, 0, 'USDC', 2),
    ('OTHER', 'BTC-PERP', -2, -120000, 60000, 0, 'USDC', 1)`);
  await db.query(
    `INSERT INTO mark_latest (mark_key, kind, subject, status, as_of, price, mark, source_partition,
      source_offset) VALUES
    ('BTC-PERP', 'instrument', 'BTC-PERP', 'valid', '2026-12-01T00:00:00Z', 61000, '{"kind":"instrument"}', 0, 5),
    ('BTC-27DEC26-60000-C', 'instrument', 'BTC-27DEC26-60000-C', 'valid', '2026-12-01T00:00:00Z', 3100, $1, 1, 9)`,
    [JSON.stringify(MARK)],
  );
  await db.query(`INSERT INTO journal_index VALUES
    ('ev-1', 'ACME', 1, 'deposit-booked', '2026-11-30T10:00:00Z', 0, 10, 'dep-1'),
    ('ev-2', 'ACME', 2, 'fill-booked', '2026-12-01T10:00:00Z', 0, 11, 'fill-1')`);
  await db.query(`INSERT INTO fill_legs VALUES ('fill-1', 'buy', 'ACME', 'BTC-PERP', 2, 60000, 'ev-2')`);
  await seedRisk(db);
}

async function seedRisk(db: DataSource): Promise<void> {
  const figures = { health: { ratio: 12.5, band: 'healthy' }, greeks: { byUnderlying: [], total: {} } };
  await db.query(
    `INSERT INTO account_risk (account_id, kind, method, band, nlv_usd, margin_nlv_usd, initial_nlv_usd,
      im_usd, mm_usd, portfolio_im_usd, standard_im_usd, netting_saving_usd, free_collateral_usd, journal_sequence,
      marks_as_of, computed_at, cause, figures)
    SELECT account_id, 'account-margin', 'portfolio', 'healthy', 1002000.50, 1002000.50, 1002000.50, 12000, 8000,
      12000, 24000, 12000, 990000.50, 2, '2026-12-01T00:00:00Z', '2026-12-01T00:00:01Z', 'mark', $1
    FROM unnest(ARRAY['ACME', 'OTHER']) AS account_id`,
    [JSON.stringify(figures)],
  );
  await db.query(`INSERT INTO liquidation_cases (case_id, account_id, case_number, phase, steps, state, outcome,
      opened_at, closed_at) VALUES
    ('OTHER#1', 'OTHER', 1, 'liquidating', 1, '{}', NULL, '2026-12-01T01:00:00Z', NULL),
    ('ACME#1', 'ACME', 1, 'closed', 0, '{}', 'restored', '2026-11-01T01:00:00Z', '2026-11-01T02:00:00Z')`);
  await db.query(
    `INSERT INTO liquidation_steps VALUES ('OTHER#1', 1, 'liquidation', '[]', '2026-12-01T01:00:01Z', NULL)`,
  );
  await db.query(
    `INSERT INTO insurance_funds (fund_account, asset, balance) VALUES ('CCP:insurance', 'USDC', 5000000)`,
  );
}

type Message = { key: string; value: string; headers?: Record<string, string> };
type Publish = (topic: string, messages: Message[]) => Promise<void>;
const AS_OF = '2026-12-01T00:00:00.000Z';

/** What the deleveraging engine, the netting and a rejecting consumer would have published. */
export async function seedTopics(
  publish: Publish,
  topics: { liquidations: string; settlements: string; fills: string },
): Promise<void> {
  await publish(topics.liquidations, liquidationFacts());
  await publish(topics.settlements, settlementFacts());
  await publish(`${topics.fills}.dlq`, [
    {
      key: 'ACME',
      value: '{"not":"a fill"}',
      headers: {
        'dlq.reason': '/price must be string',
        'dlq.reason.code': 'schema',
        'dlq.source.topic': topics.fills,
        'dlq.source.partition': '3',
        'dlq.source.offset': '1042',
      },
    },
  ]);
}

function liquidationFacts(): Message[] {
  const solvency = {
    schemaVersion: 1,
    kind: 'solvency',
    asOf: AS_OF,
    insuranceFunds: [],
    insuranceFundUsd: '5000000.00',
    excessCollateralUsd: '0.00',
    requiredUsd: '2000.00',
    largest: [],
    ratio: 2500,
    sufficient: true,
  };
  const light = (account: string, side: string) => ({
    key: account,
    value: JSON.stringify({
      schemaVersion: 1,
      kind: 'adl-queue',
      account,
      instrument: 'BTC-PERP',
      side,
      quintile: 5,
      asOf: AS_OF,
    }),
  });
  return [
    { key: 'solvency', value: JSON.stringify(solvency) },
    light('ACME', 'long'),
    light('OTHER', 'short'),
  ];
}

function settlementFacts(): Message[] {
  const cycle = { cycleId: SEED.cycle, partition: 2, cycleSeq: 7 };
  const obligation = (account: string, net: string) => ({
    key: account,
    value: JSON.stringify({
      schemaVersion: 1,
      kind: 'obligation',
      ...cycle,
      account,
      asset: 'USDC',
      net,
      gross: '100',
      components: { realizedPnl: net },
      closedAt: AS_OF,
    }),
  });
  const summary = {
    schemaVersion: 1,
    kind: 'cycle-summary',
    ...cycle,
    openedAt: AS_OF,
    closedAt: AS_OF,
    eventCount: 4,
    obligationCount: 2,
    byAsset: [{ asset: 'USDC', gross: '200', net: '100', nettingEfficiency: '0.5' }],
  };
  return [
    obligation('ACME', '-50'),
    obligation('OTHER', '50'),
    { key: 'cycle-2', value: JSON.stringify(summary) },
  ];
}
