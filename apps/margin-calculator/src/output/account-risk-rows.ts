import { MarginV1 } from '@clearing/contracts';

const COLUMNS = [
  'account_id',
  'kind',
  'method',
  'band',
  'health_ratio',
  'nlv_usd',
  'margin_nlv_usd',
  'initial_nlv_usd',
  'im_usd',
  'mm_usd',
  'portfolio_im_usd',
  'standard_im_usd',
  'netting_saving_usd',
  'free_collateral_usd',
  'journal_sequence',
  'marks_as_of',
  'computed_at',
  'cause',
  'figures',
] as const;

const TYPES = [
  'text',
  'text',
  'text',
  'text',
  'float8',
  ...Array(9).fill('numeric'),
  'int8',
  'timestamptz',
  'timestamptz',
  'text',
  'jsonb',
];

/**
 * One statement for a batch (unnest of column arrays). The WHERE keeps the newer of two computations by
 * (journal_sequence, marks_as_of): the journal loop and the mark feed may write one account concurrently.
 */
export const UPSERT_ACCOUNT_RISK = `
  INSERT INTO account_risk (${COLUMNS.join(', ')})
  SELECT * FROM unnest(${TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
  ON CONFLICT (account_id) DO UPDATE SET
    ${COLUMNS.slice(1)
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ')}, updated_at = now()
  WHERE (account_risk.journal_sequence, account_risk.marks_as_of) <= (EXCLUDED.journal_sequence, EXCLUDED.marks_as_of)`;

/** Column arrays in COLUMNS order; USD figures stay decimal strings down to NUMERIC. */
export function accountRiskRows(figures: readonly MarginV1[]): unknown[][] {
  const latest = [...new Map(figures.map((f) => [f.account, f])).values()];
  const rows = latest.map((f) => {
    const priced = f.kind === 'account-margin' ? f : undefined;
    return [
      f.account,
      f.kind,
      priced?.method ?? null,
      priced?.health.band ?? null,
      priced?.health.ratio ?? null,
      priced?.nlvUsd ?? null,
      priced?.marginNlvUsd ?? null,
      priced?.initialNlvUsd ?? null,
      priced?.required.imUsd ?? null,
      priced?.required.mmUsd ?? null,
      priced?.portfolio.imUsd ?? null,
      priced?.standard.imUsd ?? null,
      priced?.nettingSavingUsd ?? null,
      priced?.freeCollateralUsd ?? null,
      f.journalSequence,
      f.marksAsOf,
      f.computedAt,
      f.cause,
      JSON.stringify(f),
    ];
  });
  return COLUMNS.map((_, column) => rows.map((row) => row[column]));
}
