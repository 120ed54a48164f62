import { signingKeyFromEnv } from '@clearing/config';
import { signCommand } from '@clearing/ledger';

/** Messages as an upstream matching engine or an operator would publish them (plain JSON, decimal strings). */
export interface FillInput {
  fillId: string;
  instrument: string;
  price: string;
  quantity: string;
  buyer: string;
  seller: string;
  fee?: string;
  venue?: string;
  eventTime?: string;
}

export function fillMessage(fill: FillInput): { key: string; value: string } {
  const party = (account: string, side: string) => ({
    account,
    orderId: `${fill.fillId}-${side}`,
    fee: fill.fee ?? '0',
  });
  return {
    key: fill.instrument,
    value: JSON.stringify({
      schemaVersion: 1,
      fillId: fill.fillId,
      venue: fill.venue ?? 'venue-a',
      venueSequence: 1,
      instrument: fill.instrument,
      price: fill.price,
      quantity: fill.quantity,
      aggressor: 'buy',
      buyer: party(fill.buyer, 'b'),
      seller: party(fill.seller, 's'),
      eventTime: fill.eventTime ?? '2026-11-24T10:00:00Z',
    }),
  };
}

export function depositMessage(
  account: string,
  amount: string,
  asset = 'USDC',
  id = `dep-${account}-${amount}`,
): { key: string; value: string } {
  return {
    key: account,
    value: JSON.stringify({
      schemaVersion: 1,
      commandId: id,
      type: 'Deposit',
      account,
      issuedAt: '2026-11-24T09:00:00Z',
      asset,
      amount,
    }),
  };
}

/**
 * A ledger command as the operator path sends it (the CLI and ops tooling: funding the insurance fund or
 * the backstop, reference data), signed with the admin key of this environment (the dev key locally).
 */
export function signedByAdmin(message: { key: string; value: string }): { key: string; value: string } {
  const command = JSON.parse(message.value) as object;
  const key = signingKeyFromEnv(process.env, 'admin');
  return { key: message.key, value: JSON.stringify(signCommand(command, 'admin', key)) };
}

/** The body of a RegisterInstrument of a USDC-settled BTC perpetual (no envelope). */
export function perpetualRegistration(instrument: string): Record<string, unknown> {
  return {
    type: 'RegisterInstrument',
    instrument,
    instrumentKind: 'perpetual',
    underlying: 'BTC',
    quoteAsset: 'USD',
    settlementAsset: 'USDC',
    positionScale: 4,
    contractSize: '1',
  };
}

/** A perpetual registered as the API's POST /v1/instruments issues it: on `account`'s journal, signed by admin. */
export function registrationMessage(
  instrument: string,
  account = 'risk-desk',
): { key: string; value: string } {
  const envelope = {
    schemaVersion: 1,
    commandId: `register-${instrument}`,
    account,
    issuedAt: new Date().toISOString(),
  };
  return signedByAdmin({
    key: account,
    value: JSON.stringify({ ...envelope, ...perpetualRegistration(instrument) }),
  });
}

/** Index quotes as price feeds publish them to oracle.prices.v1: one per source, at one event time. */
export function indexQuoteMessages(
  underlying: string,
  eventTime: string,
  priceBySource: Readonly<Record<string, string>>,
): { key: string; value: string }[] {
  return Object.entries(priceBySource).map(([source, price]) => ({
    key: underlying,
    value: JSON.stringify({ schemaVersion: 1, kind: 'index-quote', source, eventTime, underlying, price }),
  }));
}
