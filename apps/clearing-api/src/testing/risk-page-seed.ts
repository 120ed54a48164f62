// Test support: a book in every health band, liquidation cases, insurance funds, Cover 2 and a netting
// cycle, as the projections and topics would hold them, for the risk page's browser test.
import { DataSource } from 'typeorm';

export interface SeededRisk {
  readonly account: string;
  readonly band: string | null;
  readonly nlvUsd: string;
  readonly marginNlvUsd: string;
  readonly mmUsd: string;
}

/** One account per band, a second healthy one, one with nothing at risk (MM 0) and one unpriced. */
export const RISK_BOOK: readonly SeededRisk[] = [
  {
    account: 'HEALTHY-A',
    band: 'healthy',
    nlvUsd: '500000.00',
    marginNlvUsd: '500000.00',
    mmUsd: '10000.00',
  },
  {
    account: 'HEALTHY-B',
    band: 'healthy',
    nlvUsd: '310000.00',
    marginNlvUsd: '300000.00',
    mmUsd: '20000.00',
  },
  { account: 'FLAT-G', band: 'healthy', nlvUsd: '1000.00', marginNlvUsd: '1000.00', mmUsd: '0.00' },
  { account: 'WATCH-C', band: 'watch', nlvUsd: '140000.00', marginNlvUsd: '140000.00', mmUsd: '100000.00' },
  {
    account: 'WARNING-D',
    band: 'warning',
    nlvUsd: '112000.00',
    marginNlvUsd: '110000.00',
    mmUsd: '100000.00',
  },
  {
    account: 'LIQ-E',
    band: 'liquidatable',
    nlvUsd: '95000.00',
    marginNlvUsd: '95000.00',
    mmUsd: '100000.00',
  },
  {
    account: 'BANKRUPT-F',
    band: 'bankrupt',
    nlvUsd: '-5000.00',
    marginNlvUsd: '-6000.00',
    mmUsd: '50000.00',
  },
  { account: 'UNPRICED-H', band: null, nlvUsd: '0.00', marginNlvUsd: '0.00', mmUsd: '0.00' },
];

export const OPEN_CASES = [
  {
    caseId: 'LIQ-E:case:1',
    account: 'LIQ-E',
    phase: 'liquidating',
    steps: 1,
    openedAt: '2026-12-01T01:00:00Z',
  },
  {
    caseId: 'BANKRUPT-F:case:1',
    account: 'BANKRUPT-F',
    phase: 'insurance',
    steps: 2,
    openedAt: '2026-12-01T02:00:00Z',
  },
] as const;
const CLOSED_CASE = `('WATCH-C:case:1', 'WATCH-C', 1, 'closed', 1, '{}', 'restored', '2026-11-01T01:00:00Z', '2026-11-01T02:00:00Z')`;

export const FUNDS = [
  { fundAccount: 'CCP:insurance', asset: 'BTC', balance: '12.25' },
  { fundAccount: 'CCP:insurance', asset: 'USDC', balance: '2500000.5' },
] as const;

export async function seedRiskBook(db: DataSource): Promise<void> {
  await db.query('INSERT INTO accounts (account_id) SELECT unnest($1::text[])', [
    RISK_BOOK.map((r) => r.account),
  ]);
  for (const r of RISK_BOOK) {
    const figures = { health: { ratio: null, band: r.band }, greeks: null };
    await db.query(
      `INSERT INTO account_risk (account_id, kind, method, band, nlv_usd, margin_nlv_usd, initial_nlv_usd, im_usd,
         mm_usd, portfolio_im_usd, standard_im_usd, netting_saving_usd, free_collateral_usd, journal_sequence,
         marks_as_of, computed_at, cause, figures)
       VALUES ($1, $2, 'portfolio', $3, $4, $5, $5, $6 * 1.5, $6, $6 * 1.5, $6 * 2, $6 / 2, $5 - $6 * 1.5, 1,
         '2026-12-01T00:00:00Z', '2026-12-01T00:00:01Z', 'mark', $7)`,
      [
        r.account,
        r.band === null ? 'account-unpriced' : 'account-margin',
        r.band,
        r.nlvUsd,
        r.marginNlvUsd,
        r.mmUsd,
        JSON.stringify(figures),
      ],
    );
  }
  for (const c of OPEN_CASES) await insertCase(db, c);
  await db.query(`INSERT INTO liquidation_cases (case_id, account_id, case_number, phase, steps, state, outcome,
    opened_at, closed_at) VALUES ${CLOSED_CASE}`);
  for (const f of FUNDS)
    await db.query('INSERT INTO insurance_funds (fund_account, asset, balance) VALUES ($1, $2, $3)', [
      f.fundAccount,
      f.asset,
      f.balance,
    ]);
}

/** A case as the deleveraging engine's projection holds it while open. */
export async function insertCase(
  db: DataSource,
  c: { caseId: string; account: string; phase: string; steps: number; openedAt: string },
): Promise<void> {
  await db.query(
    `INSERT INTO liquidation_cases (case_id, account_id, case_number, phase, steps, state, outcome, opened_at,
       closed_at) VALUES ($1, $2, 1, $3, $4, '{}', NULL, $5, NULL)`,
    [c.caseId, c.account, c.phase, c.steps, c.openedAt],
  );
}

/** The figures of a Cover 2 report, as the deleveraging engine computed them. */
export interface Cover2Report {
  readonly insuranceFundUsd: string;
  readonly excessCollateralUsd: string;
  /** The two members whose default would cost the most. */
  readonly largest: readonly { account: string; stressLossUsd: string }[];
  readonly requiredUsd: string;
  readonly ratio: number;
}

/** The report as liquidations.v1 carries it (key `solvency`). */
export function solvencyMessage(report: Cover2Report, asOf: string): { key: string; value: string } {
  const value = {
    schemaVersion: 1,
    kind: 'solvency',
    asOf,
    insuranceFunds: FUNDS.map((f) => ({ account: f.fundAccount, asset: f.asset, balance: f.balance })),
    ...report,
    sufficient: report.ratio >= 1,
  };
  return { key: 'solvency', value: JSON.stringify(value) };
}

/** A closed netting cycle's summary as settlements.v1 carries it. */
export function cycleSummary(
  cycleId: string,
  byAsset: readonly { asset: string; gross: string; net: string; nettingEfficiency: string }[],
): { key: string; value: string } {
  const [partition, cycleSeq] = cycleId.split('-').map(Number);
  const value = {
    schemaVersion: 1,
    kind: 'cycle-summary',
    cycleId,
    partition,
    cycleSeq,
    openedAt: '2026-12-01T00:00:00.000Z',
    closedAt: '2026-12-01T00:00:05.000Z',
    eventCount: 12,
    obligationCount: 6,
    byAsset,
  };
  return { key: `cycle-${partition}`, value: JSON.stringify(value) };
}
