import { logLevel } from 'kafkajs';
import { TOPICS } from '@clearing/contracts';
import { createKafka } from '@clearing/kafka';
import { createDataSource } from '@clearing/persistence';
import {
  awaitAccountsOpen,
  depositMessage,
  eventually,
  fillMessage,
  indexQuoteMessages,
  openAccounts,
  publishRaw,
} from '@clearing/testing';
import { PROJECTION_GROUP } from '../../../position-aggregator/src/aggregator.settings';
import { InfraEndpoints } from '../infra';
import { formatReport } from '../verify/report';
import { verifyClearing } from '../verify/verify-clearing';

/**
 * What `npm run demo` shows a newcomer: three accounts onboarded, deposits and fills published the way
 * a matching engine would (including a repeated fill and a malformed one), then the positions and
 * balances the clearinghouse booked, and `clearing verify` over the whole journal. Names carry a run
 * suffix so repeated demos never collide.
 */
export async function runDemoScenario(
  endpoints: InfraEndpoints,
  say: (line: string) => void,
): Promise<boolean> {
  const run = Date.now().toString(36);
  const [alice, bob, carol] = ['alice', 'bob', 'carol'].map((name) => `${name}-${run}`);
  const kafka = createKafka({
    clientId: 'clearing-demo',
    brokers: endpoints.kafkaBrokers,
    level: logLevel.NOTHING,
  });
  const dataSource = createDataSource({
    url: endpoints.databaseUrl,
    poolSize: 2,
    applicationName: 'clearing-demo',
  });
  await dataSource.initialize();
  try {
    say(`demo: opening ${alice}, ${bob} and ${carol} with journaled OpenAccount commands`);
    await openAccounts({ kafka, topic: TOPICS.ledgerCommands }, [alice, bob, carol]);
    await awaitAccountsOpen(dataSource, [alice, bob, carol]);
    await publishRaw(
      kafka,
      TOPICS.ledgerCommands,
      [alice, bob, carol].map((a) => depositMessage(a, '100000', 'USDC', `demo-deposit-${a}`)),
    );
    say(`demo: publishing BTC index quotes from three feeds and an implied vol to ${TOPICS.oraclePrices}`);
    await publishRaw(kafka, TOPICS.oraclePrices, oracleInputs(new Date().toISOString()));
    const fill = (
      id: string,
      instrument: string,
      price: string,
      quantity: string,
      buyer: string,
      seller: string,
    ) => fillMessage({ fillId: `demo-${run}-${id}`, instrument, price, quantity, buyer, seller, fee: '1' });
    const fills = [
      fill('1', 'BTC-PERP', '50000', '2', alice, bob),
      fill('2', 'BTC-PERP', '51000', '1', carol, alice),
      fill('3', 'BTC-25DEC26-100000-C', '1500', '10', bob, carol),
    ];
    say(`demo: publishing 3 fills, the first one twice, and one malformed fill to ${TOPICS.fills}`);
    await publishRaw(kafka, TOPICS.fills, [...fills, fills[0], { key: 'BTC-PERP', value: '{"fillId": 42}' }]);
    await eventually(async () => {
      const [{ legs }] = await dataSource.query(
        'SELECT count(*)::int AS legs FROM fill_legs WHERE account_id = ANY($1)',
        [[alice, bob, carol]],
      );
      return legs === 6 ? true : undefined;
    }, 60_000);
    await printBook(dataSource, [alice, bob, carol], say);
    await printMargin(dataSource, [alice, bob, carol], say);
    const report = await verifyClearing({
      kafka,
      topic: TOPICS.ledgerJournal,
      dataSource,
      consumerGroup: PROJECTION_GROUP,
    });
    say(formatReport(report).trimEnd());
    return report.ok;
  } finally {
    await dataSource.destroy();
  }
}

async function printBook(
  dataSource: ReturnType<typeof createDataSource>,
  accounts: string[],
  say: (line: string) => void,
): Promise<void> {
  const positions: {
    account_id: string;
    instrument: string;
    quantity: string;
    average_entry_price: string | null;
    realized_pnl: string;
  }[] = await dataSource.query(
    `SELECT account_id, instrument, trim_scale(quantity)::text AS quantity, trim_scale(average_entry_price)::text AS average_entry_price,
              trim_scale(realized_pnl)::text AS realized_pnl FROM positions
       WHERE account_id = ANY($1) ORDER BY account_id, instrument`,
    [accounts],
  );
  const cash: { account_id: string; amount: string }[] = await dataSource.query(
    `SELECT account_id, trim_scale(amount)::text AS amount FROM balances WHERE asset = 'USDC' AND account_id = ANY($1) ORDER BY account_id`,
    [accounts],
  );
  say('demo: positions (novated: each against the CCP)');
  for (const p of positions) {
    say(
      `  ${p.account_id.padEnd(18)} ${p.instrument.padEnd(22)} qty ${p.quantity.padStart(5)}  entry ${p.average_entry_price ?? '-'}  realized ${p.realized_pnl}`,
    );
  }
  say('demo: USDC balances (100,000 deposited each; fees, premiums and realized P&L applied)');
  for (const c of cash) say(`  ${c.account_id.padEnd(18)} ${c.amount}`);
}

/** What price feeds publish: BTC from three exchanges, and one implied vol point for the option. */
function oracleInputs(eventTime: string): { key: string; value: string }[] {
  const vol = {
    key: 'BTC',
    value: JSON.stringify({
      schemaVersion: 1,
      kind: 'implied-vol',
      source: 'deribit',
      eventTime,
      underlying: 'BTC',
      expiry: '2026-12-25T08:00:00Z',
      strike: '100000',
      iv: '0.6',
    }),
  };
  const prices = { coinbase: '50490', kraken: '50500', bitstamp: '50510' };
  return [...indexQuoteMessages('BTC', eventTime, prices), vol];
}

/** The margin calculator's view (account_risk): NLV, requirements, health and what netting saved. */
async function printMargin(
  dataSource: ReturnType<typeof createDataSource>,
  accounts: string[],
  say: (line: string) => void,
): Promise<void> {
  const sql = `SELECT account_id, kind, band, nlv_usd::text AS nlv, im_usd::text AS im, mm_usd::text AS mm,
                      netting_saving_usd::text AS saving, figures->>'reason' AS reason
               FROM account_risk WHERE account_id = ANY($1) ORDER BY account_id`;
  type Row = {
    account_id: string;
    kind: string;
    band: string;
    nlv: string;
    im: string;
    mm: string;
    saving: string;
    reason: string;
  };
  const rows = await eventually(async () => {
    const found: Row[] = await dataSource.query(sql, [accounts]);
    return found.length === accounts.length && found.every((r) => r.kind === 'account-margin')
      ? found
      : undefined;
  }, 60_000).catch(async (): Promise<Row[]> => dataSource.query(sql, [accounts]));
  say('demo: margin (margin-calculator, portfolio method; USD)');
  for (const r of rows) {
    if (r.kind !== 'account-margin') say(`  ${r.account_id.padEnd(18)} unpriced: ${r.reason}`);
    else
      say(
        `  ${r.account_id.padEnd(18)} NLV ${r.nlv}  IM ${r.im}  MM ${r.mm}  ${r.band}  netting saves ${r.saving}`,
      );
  }
}
