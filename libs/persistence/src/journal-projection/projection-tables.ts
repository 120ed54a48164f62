import { RowTable } from '../bulk-rows';

/**
 * The journal projection's bulk-written tables, one statement each per batch (libs/persistence
 * `writeRows`): the journal index and fill legs are appended; balances and positions arrive coalesced to
 * one row per key per batch and are upserted; command outcomes keep their first decision.
 */
export const JOURNAL_INDEX: RowTable = {
  table: 'journal_index',
  columns: [
    { name: 'event_id', type: 'text' },
    { name: 'account_id', type: 'text' },
    { name: 'sequence', type: 'bigint' },
    { name: 'event_type', type: 'text' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'journal_partition', type: 'int' },
    { name: 'journal_offset', type: 'bigint' },
    { name: 'causation_id', type: 'text' },
  ],
};

export const FILL_LEGS: RowTable = {
  table: 'fill_legs',
  columns: [
    { name: 'fill_id', type: 'text' },
    { name: 'side', type: 'text' },
    { name: 'account_id', type: 'text' },
    { name: 'instrument', type: 'text' },
    { name: 'quantity', type: 'numeric' },
    { name: 'price', type: 'numeric' },
    { name: 'event_id', type: 'text' },
  ],
};

/** Rows are a batch's summed deltas, so the stored amount is added to, never overwritten. */
export const BALANCES: RowTable = {
  table: 'balances',
  columns: [
    { name: 'account_id', type: 'text' },
    { name: 'asset', type: 'text' },
    { name: 'amount', type: 'numeric' },
    { name: 'last_sequence', type: 'bigint' },
  ],
  onConflict: {
    key: ['account_id', 'asset'],
    set: `amount = balances.amount + EXCLUDED.amount,
      last_sequence = GREATEST(balances.last_sequence, EXCLUDED.last_sequence)`,
  },
};

/** Rows are the batch's last state per position, as journaled: they replace the stored one. */
export const POSITIONS: RowTable = {
  table: 'positions',
  columns: [
    { name: 'account_id', type: 'text' },
    { name: 'instrument', type: 'text' },
    { name: 'quantity', type: 'numeric' },
    { name: 'cost', type: 'numeric' },
    { name: 'average_entry_price', type: 'numeric' },
    { name: 'realized_pnl', type: 'numeric' },
    { name: 'settlement_asset', type: 'text' },
    { name: 'last_sequence', type: 'bigint' },
  ],
  onConflict: {
    key: ['account_id', 'instrument'],
    set: `quantity = EXCLUDED.quantity, cost = EXCLUDED.cost,
      average_entry_price = EXCLUDED.average_entry_price, realized_pnl = EXCLUDED.realized_pnl,
      last_sequence = EXCLUDED.last_sequence`,
  },
};

/** The first event of a command decides its row; a re-delivered batch changes nothing. */
export const COMMAND_OUTCOMES: RowTable = {
  table: 'command_outcomes',
  columns: [
    { name: 'command_id', type: 'text' },
    { name: 'account_id', type: 'text' },
    { name: 'outcome', type: 'text' },
    { name: 'event_type', type: 'text' },
    { name: 'journal_sequence', type: 'bigint' },
    { name: 'journal_partition', type: 'int' },
    { name: 'journal_offset', type: 'bigint' },
    { name: 'command_hash', type: 'text' },
    { name: 'reason', type: 'text' },
    { name: 'attribution', type: 'jsonb' },
    { name: 'occurred_at', type: 'timestamptz' },
  ],
  onConflict: { key: ['command_id'] },
};
