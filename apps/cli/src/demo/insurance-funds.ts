import { Kafka } from 'kafkajs';
import { depositMessage, publishRaw, signedByAdmin } from '@clearing/testing';
import { DataSource } from 'typeorm';

/** Each shard's fund before the crash: enough for a carol (-2,000), never for a dave (-25,000). */
const FUND_TARGET_USDC = 5_000n;

/**
 * Tops every shard's insurance fund (INSURANCE-FUND-<partition>) up to 5,000 USDC, so each run starts
 * from the same waterfall whatever earlier runs drew or added. A fund is decided by its own shard's
 * writer, so its deposit goes to that partition; the operator signs it.
 */
export async function topUpInsuranceFunds(
  kafka: Kafka,
  db: DataSource,
  topic: string,
  run: string,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const [metadata] = await admin
    .fetchTopicMetadata({ topics: [topic] })
    .then((m) => m.topics)
    .finally(() => admin.disconnect());
  const balances = await fundBalances(db);
  const deposits = metadata.partitions.flatMap(({ partitionId }) => {
    const account = `INSURANCE-FUND-${partitionId}`;
    const whole = BigInt((balances.get(account) ?? '0').split('.')[0]);
    const missing = FUND_TARGET_USDC - whole;
    if (missing <= 0n) return [];
    const deposit = depositMessage(account, missing.toString(), 'USDC', `dep-${account}-${run}`);
    return [{ ...signedByAdmin(deposit), partition: partitionId }];
  });
  await publishRaw(kafka, topic, deposits);
}

/** USDC of every shard's insurance fund, as the projection holds it (decimal strings, exact). */
export async function fundBalances(db: DataSource): Promise<Map<string, string>> {
  const rows = await db.query<{ account_id: string; amount: string }[]>(
    `SELECT account_id, trim_scale(amount)::text AS amount FROM balances
       WHERE asset = 'USDC' AND account_id LIKE 'INSURANCE-FUND-%' ORDER BY account_id`,
  );
  return new Map(rows.map((r) => [r.account_id, r.amount]));
}
