import { ApiProperty } from '@nestjs/swagger';
import { ObjectSchema } from './schema-validation';

/** limit/offset for every list: bounded so no request can ask Postgres for an unbounded result. */
export const PAGE_PROPERTIES = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 100, description: 'Rows per page' },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0, description: 'Rows to skip' },
} as const;

/** The query of a list that takes nothing but its page. */
export const PAGE_ONLY_SCHEMA: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...PAGE_PROPERTIES },
};

export interface PageQuery {
  limit: number;
  offset: number;
}

export class PageInfo {
  @ApiProperty({ example: 100 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;

  @ApiProperty({
    example: 200,
    nullable: true,
    type: Number,
    description: 'Offset of the next page; null on the last',
  })
  nextOffset!: number | null;
}

/** Fetch limit + 1 rows: the extra row only tells whether another page exists. */
export function paged<T>(rows: T[], page: PageQuery): { items: T[]; page: PageInfo } {
  const hasMore = rows.length > page.limit;
  return {
    items: hasMore ? rows.slice(0, page.limit) : rows,
    page: { limit: page.limit, offset: page.offset, nextOffset: hasMore ? page.offset + page.limit : null },
  };
}
