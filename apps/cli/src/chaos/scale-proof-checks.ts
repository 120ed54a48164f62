// Test support for the scale proof: what must hold once the survivors have taken over.
import { LiquidationV1 } from '@clearing/contracts';
import { partitionOfKey } from '@clearing/kafka';
import { isSystemAccount } from '@clearing/ledger';
import {
  AcknowledgedLoad,
  compareBooks,
  DeleveragingFixture,
  foldAcknowledged,
  StreamInstrument,
} from '@clearing/testing';
import { fillFindings } from './chaos-checks';
import { AdlBook, adlFills } from './scale-proof-scenario';
import { projectedBooks } from './settled-system';

type Step = Extract<LiquidationV1, { kind: 'step' }>;

/**
 * The bankrupt account's booked ADL step: its counterparties (every leg not on the bankrupt account), and
 * which engine instance owned the partitions of the bankrupt account and of each counterparty.
 */
export async function adlOf(
  system: DeleveragingFixture,
  book: AdlBook,
  engineOwners: ReadonlyMap<string, number[]>,
  partitionCount: number,
): Promise<{ bankruptOwner?: string; counterparties: { account: string; owner?: string }[] }> {
  const adl = (await system.liquidations()).find(
    (m): m is Step =>
      m.kind === 'step' && m.account === book.bankrupt && m.action === 'adl' && m.status === 'booked',
  );
  const ownerOf = (account: string) =>
    [...engineOwners].find(([, partitions]) =>
      partitions.includes(partitionOfKey(account, partitionCount)),
    )?.[0];
  const counterparties = (adl?.commands ?? [])
    .filter((c) => c.account !== book.bankrupt)
    .map((c) => ({ account: c.account, owner: ownerOf(c.account) }));
  return { bankruptOwner: ownerOf(book.bankrupt), counterparties };
}

/** Accounts whose account_risk row is not at their last journal sequence (or has none). */
export async function staleMargins(system: DeleveragingFixture): Promise<string[]> {
  const last = new Map<string, number>();
  for (const event of await system.journal())
    if (!isSystemAccount(event.account))
      last.set(event.account, Math.max(last.get(event.account) ?? 0, event.sequence ?? 0));
  const rows: { account_id: string; journal_sequence: string }[] = await system.query(
    'SELECT account_id, journal_sequence::text AS journal_sequence FROM account_risk',
  );
  const margined = new Map(rows.map((r) => [r.account_id, Number(r.journal_sequence)]));
  return [...last]
    .filter(([account, sequence]) => margined.get(account) !== sequence)
    .map(([account, sequence]) => `${account}: journal ${sequence}, margin ${margined.get(account)}`);
}

/** Fills booked exactly once each (in = accepted + rejected), and the load's books equal the fold. */
export async function lostOrDoubled(
  system: DeleveragingFixture,
  ack: AcknowledgedLoad,
  book: AdlBook,
  instruments: readonly StreamInstrument[],
  loadPrefix: string,
): Promise<string[]> {
  const everyFill = new AcknowledgedLoad();
  for (const fill of [...ack.fills.values(), ...adlFills(book)]) everyFill.fills.set(fill.fillId, fill);
  const { dataSource } = system.database;
  return [
    ...(await fillFindings(system.kafka.kafka, dataSource, system.topics, everyFill)),
    ...compareBooks(
      foldAcknowledged(ack, instruments, new Set()),
      await projectedBooks(dataSource, loadPrefix),
      instruments,
    ),
  ];
}
