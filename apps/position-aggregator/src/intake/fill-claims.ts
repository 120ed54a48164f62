import { DataSource } from 'typeorm';

export interface ClaimRequest {
  fillId: string;
  fillHash: string;
  partition: number;
  offset: string;
}

/** `mine`: this record owns the fill (first sight, or a retry of the same record after a crash). */
export type ClaimVerdict = { kind: 'mine' } | { kind: 'duplicate' | 'conflict'; firstSeenAt: string };

interface ClaimRow {
  fill_id: string;
  fill_hash: string;
  source_partition: number;
  source_offset: string;
}

/**
 * Claims fill ids globally (one Postgres row per fill id, committed before the Kafka transaction that
 * books the legs). The claim remembers which record made it, so a crash-and-retry of that same record
 * is recognised as its own claim and re-booked, while the same fill from any other record is a
 * duplicate (same content) or a conflict (different content). Works across partitions and instances.
 * One statement per batch: it claims what is free and reads back the claims already taken.
 */
export async function claimFills(
  dataSource: DataSource,
  topic: string,
  requests: readonly ClaimRequest[],
): Promise<ClaimVerdict[]> {
  if (requests.length === 0) return [];
  const fillIds = requests.map((r) => r.fillId);
  const rows: ClaimRow[] = await dataSource.query(
    `WITH claimed AS (
       INSERT INTO fill_claims (fill_id, fill_hash, source_topic, source_partition, source_offset)
       SELECT f, h, $5, p, o FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[]) AS t(f, h, p, o)
       ON CONFLICT (fill_id) DO NOTHING
       RETURNING fill_id, fill_hash, source_partition, source_offset::text)
     SELECT * FROM claimed
     UNION ALL
     SELECT fill_id, fill_hash, source_partition, source_offset::text FROM fill_claims WHERE fill_id = ANY($1)`,
    [
      fillIds,
      requests.map((r) => r.fillHash),
      requests.map((r) => r.partition),
      requests.map((r) => r.offset),
      topic,
    ],
  );
  const claims = new Map(rows.map((row) => [row.fill_id, row]));
  // The statement's snapshot predates a claim another instance committed while this insert waited on
  // it: the insert skipped that id and the read did not see it, so it is read again, committed now.
  const unseen = fillIds.filter((id) => !claims.has(id));
  if (unseen.length > 0) for (const row of await claimsOf(dataSource, unseen)) claims.set(row.fill_id, row);
  return requests.map((request) => verdictOf(request, claims.get(request.fillId)!, topic));
}

function claimsOf(dataSource: DataSource, fillIds: readonly string[]): Promise<ClaimRow[]> {
  return dataSource.query(
    'SELECT fill_id, fill_hash, source_partition, source_offset::text FROM fill_claims WHERE fill_id = ANY($1)',
    [fillIds],
  );
}

function verdictOf(request: ClaimRequest, claim: ClaimRow, topic: string): ClaimVerdict {
  if (claim.source_partition === request.partition && claim.source_offset === request.offset)
    return { kind: 'mine' };
  const firstSeenAt = `${topic}[${claim.source_partition}]@${claim.source_offset}`;
  return { kind: claim.fill_hash === request.fillHash ? 'duplicate' : 'conflict', firstSeenAt };
}
