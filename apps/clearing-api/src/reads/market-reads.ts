import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageQuery } from '../http/pagination';
import { InstrumentView, MarkView, VolPointView } from './market.views';

export interface InstrumentFilter extends PageQuery {
  kind?: string;
}

export interface MarkFilter extends PageQuery {
  kind?: string;
  status?: string;
}

const ts = (column: string) => `to_json(${column}) #>> '{}'`;

/** Reference and market data: the aggregator's instruments and the oracle's latest marks. */
@Injectable()
export class MarketReads {
  constructor(private readonly db: DataSource) {}

  async instruments(filter: InstrumentFilter): Promise<InstrumentView[]> {
    return this.db.query(
      `SELECT symbol, kind, definition, source, ${ts('updated_at')} AS "updatedAt" FROM instruments
       WHERE ($1::text IS NULL OR kind = $1) ORDER BY symbol LIMIT $2 OFFSET $3`,
      [filter.kind ?? null, filter.limit, filter.offset],
    );
  }

  async marks(filter: MarkFilter): Promise<MarkView[]> {
    return this.db.query(
      `SELECT mark_key AS "markKey", kind, subject, status, reason, ${ts('as_of')} AS "asOf",
         price::text AS price, mark, source_partition AS "sourcePartition", source_offset::text AS "sourceOffset"
       FROM mark_latest WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY mark_key LIMIT $3 OFFSET $4`,
      [filter.kind ?? null, filter.status ?? null, filter.limit, filter.offset],
    );
  }

  /** The implied vols the oracle marked options at, with each option's terms. */
  async volSurface(underlying: string | undefined): Promise<VolPointView[]> {
    return this.db.query(
      `SELECT m.subject AS instrument, m.mark ->> 'underlying' AS underlying,
         i.definition ->> 'expiry' AS expiry, i.definition ->> 'strike' AS strike,
         i.definition ->> 'optionType' AS "optionType", m.mark #>> '{option,vol}' AS vol,
         m.mark #>> '{option,years}' AS years, m.mark #>> '{option,forward}' AS forward, ${ts('m.as_of')} AS "asOf"
       FROM mark_latest m LEFT JOIN instruments i ON i.symbol = m.subject
       WHERE m.kind = 'instrument' AND m.status = 'valid' AND m.mark ? 'option'
         AND ($1::text IS NULL OR m.mark ->> 'underlying' = $1)
       ORDER BY underlying, expiry, (i.definition ->> 'strike')::numeric, m.subject`,
      [underlying ?? null],
    );
  }
}
