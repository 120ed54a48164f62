import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageQuery } from '../http/pagination';
import { AccountView, BalanceView, JournalEntryView, PositionView } from './account.views';

export interface AccountFilter extends PageQuery {
  status?: string;
  parentAccountId?: string;
}

export interface StatementQuery extends PageQuery {
  from?: string;
  to?: string;
}

const ACCOUNT_COLUMNS = `account_id AS "accountId", parent_account_id AS "parentAccountId",
  margin_mode AS "marginMode", status, to_json(created_at) #>> '{}' AS "createdAt"`;

/** Reads of the position aggregator's projection. Every value reaches SQL as a parameter. */
@Injectable()
export class AccountReads {
  constructor(private readonly db: DataSource) {}

  /** `visible` undefined means every account (staff); a list confines an account key to its tree. */
  async accounts(filter: AccountFilter, visible: string[] | undefined): Promise<AccountView[]> {
    return this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts
       WHERE ($1::text[] IS NULL OR account_id = ANY($1)) AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR parent_account_id = $3)
       ORDER BY account_id LIMIT $4 OFFSET $5`,
      [visible ?? null, filter.status ?? null, filter.parentAccountId ?? null, filter.limit, filter.offset],
    );
  }

  async account(accountId: string): Promise<AccountView | undefined> {
    const rows = await this.db.query(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE account_id = $1`, [
      accountId,
    ]);
    return rows[0];
  }

  async subAccounts(accountId: string): Promise<AccountView[]> {
    return this.db.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE parent_account_id = $1 ORDER BY account_id`,
      [accountId],
    );
  }

  async balances(accountId: string): Promise<BalanceView[]> {
    return this.db.query(
      `SELECT asset, trim_scale(amount)::text AS amount, last_sequence::int AS "lastSequence"
       FROM balances WHERE account_id = $1 ORDER BY asset`,
      [accountId],
    );
  }

  /** Marked at the latest valid instrument mark (per contract), so unrealized = quantity x mark - cost. */
  async positions(accountId: string): Promise<PositionView[]> {
    return this.db.query(
      `SELECT p.instrument, trim_scale(p.quantity)::text AS quantity, trim_scale(p.cost)::text AS cost,
         trim_scale(p.average_entry_price)::text AS "averageEntryPrice",
         trim_scale(p.realized_pnl)::text AS "realizedPnl", p.settlement_asset AS "settlementAsset",
         trim_scale(m.price)::text AS "markPrice", to_json(m.as_of) #>> '{}' AS "markAsOf",
         trim_scale(p.quantity * m.price - p.cost)::text AS "unrealizedPnl"
       FROM positions p
       LEFT JOIN mark_latest m ON m.mark_key = p.instrument AND m.kind = 'instrument' AND m.status = 'valid'
       WHERE p.account_id = $1 AND p.quantity <> 0 ORDER BY p.instrument`,
      [accountId],
    );
  }

  /** Journal entries of the account between two event times (from inclusive, to exclusive), with fills. */
  async statement(accountId: string, query: StatementQuery): Promise<JournalEntryView[]> {
    return this.db.query(
      `SELECT j.event_id AS "eventId", j.sequence::int AS sequence, j.event_type AS "eventType",
         to_json(j.occurred_at) #>> '{}' AS "occurredAt", j.journal_partition AS "journalPartition",
         j.journal_offset::text AS "journalOffset", j.causation_id AS "causationId",
         COALESCE((SELECT json_agg(json_build_object('fillId', f.fill_id, 'side', f.side,
             'instrument', f.instrument, 'quantity', trim_scale(f.quantity)::text,
             'price', trim_scale(f.price)::text) ORDER BY f.fill_id, f.side)
           FROM fill_legs f WHERE f.event_id = j.event_id AND f.account_id = j.account_id), '[]') AS fills
       FROM journal_index j
       WHERE j.account_id = $1 AND ($2::timestamptz IS NULL OR j.occurred_at >= $2)
         AND ($3::timestamptz IS NULL OR j.occurred_at < $3)
       ORDER BY j.sequence LIMIT $4 OFFSET $5`,
      [accountId, query.from ?? null, query.to ?? null, query.limit, query.offset],
    );
  }
}
