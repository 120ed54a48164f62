import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MarkV1, markKeyOf, TOPICS } from '@clearing/contracts';
import { BatchHandler, DecodedBatch, KafkaBatchContext } from '@clearing/kafka';
import { ORACLE_TRANSPORT } from '../oracle/oracle.transports';

/**
 * Projects marks.v1 into `mark_latest`: one row per key with the latest mark, in the transaction that
 * advances the projection's checkpoint. Within a batch only each key's last mark is written (a single
 * INSERT ... ON CONFLICT cannot touch a row twice), which is the same end state.
 */
@BatchHandler()
export class MarksProjectionHandler {
  @EventPattern(TOPICS.marks, ORACLE_TRANSPORT.marksProjection)
  async onMarks(@Payload() batch: DecodedBatch<MarkV1>, @Ctx() ctx: KafkaBatchContext): Promise<void> {
    const latest = new Map(batch.messages.map((message) => [markKeyOf(message.value), message]));
    if (latest.size === 0) return;
    const rows = [...latest].map(([key, { value, offset }]) => ({ key, offset, ...columnsOf(value) }));
    await ctx.db!.query(
      `INSERT INTO mark_latest (mark_key, kind, subject, status, reason, as_of, price, mark, source_partition, source_offset)
       SELECT k, kd, s, st, r, a::timestamptz, p::numeric, m::jsonb, $9::int, o::bigint
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $10::text[])
         AS t(k, kd, s, st, r, a, p, m, o)
       ON CONFLICT (mark_key) DO UPDATE SET kind = EXCLUDED.kind, subject = EXCLUDED.subject,
         status = EXCLUDED.status, reason = EXCLUDED.reason, as_of = EXCLUDED.as_of, price = EXCLUDED.price,
         mark = EXCLUDED.mark, source_partition = EXCLUDED.source_partition,
         source_offset = EXCLUDED.source_offset, updated_at = now()`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.kind),
        rows.map((r) => r.subject),
        rows.map((r) => r.status),
        rows.map((r) => r.reason),
        rows.map((r) => r.asOf),
        rows.map((r) => r.price),
        rows.map((r) => r.mark),
        batch.partition,
        rows.map((r) => r.offset),
      ],
    );
  }
}

/** The queryable columns of a mark; the full message is kept as jsonb. */
function columnsOf(mark: MarkV1) {
  const common = { kind: mark.kind, status: mark.status, reason: mark.reason ?? null, asOf: mark.asOf };
  const json = JSON.stringify(mark);
  switch (mark.kind) {
    case 'index':
      return { ...common, subject: mark.underlying, price: mark.price ?? null, mark: json };
    case 'redemption-rate':
      return { ...common, subject: mark.token, price: mark.rate ?? null, mark: json };
    case 'instrument':
      return { ...common, subject: mark.instrument, price: mark.markPrice ?? null, mark: json };
    case 'expiry-settlement':
      return { ...common, subject: mark.instrument, price: mark.settlementPrice ?? null, mark: json };
  }
}
