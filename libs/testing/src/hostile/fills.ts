import fc from 'fast-check';
import { HostileTopic } from './hostile-topic';
import { Poison, poisonDecimal, poisonTimestamp, wrongType } from './poison';

/** The fill shape as an upstream venue publishes it (plain JSON: this module knows nothing of the intake). */
export interface WireFill {
  [field: string]: unknown;
  fillId: string;
  buyer: { account: string; orderId: string; fee: string };
  seller: { account: string; orderId: string; fee: string };
}

/** Accounts and instrument the valid fills use; the test onboards them. Limits as in config/instruments.json. */
export const HOSTILE_FILL_ACCOUNTS = ['hostile-buyer', 'hostile-seller'] as const;

function validFill(i: number): { key: string; message: WireFill } {
  const [buyer, seller] = i % 2 === 0 ? HOSTILE_FILL_ACCOUNTS : [...HOSTILE_FILL_ACCOUNTS].reverse();
  const message: WireFill = {
    schemaVersion: 1,
    fillId: `hostile-${i}`,
    venue: 'venue-h',
    venueSequence: i,
    instrument: 'BTC-PERP',
    price: String(60_000 + (i % 40) * 0.5),
    quantity: '0.01',
    aggressor: 'buy',
    buyer: { account: buyer, orderId: `o-${i}-b`, fee: '0.5' },
    seller: { account: seller, orderId: `o-${i}-s`, fee: '-0.1' },
    eventTime: '2026-11-24T10:00:00Z',
  };
  return { key: 'BTC-PERP', message };
}

const mutation = (label: string, change: (fill: WireFill) => Partial<WireFill>) =>
  fc.constant((fill: WireFill): Poison<WireFill> => ({ label, value: { ...fill, ...change(fill) } }));

/** Schema-valid fills a CCP must still refuse: unknown ids, limits, scales, grids. */
const domain = fc.oneof(
  mutation('unknown-instrument', () => ({ instrument: 'NOPE-PERP' })),
  mutation('unknown-account', (f) => ({ buyer: { ...f.buyer, account: 'nobody-onboarded' } })),
  mutation('self-trade', (f) => ({ seller: { ...f.seller, account: f.buyer.account } })),
  mutation('above-max-quantity', () => ({ quantity: '1000.0001' })),
  mutation('above-max-price', () => ({ price: '10000000.5' })),
  mutation('off-lot', () => ({ quantity: '0.00001' })),
  mutation('off-tick', () => ({ price: '60000.25' })),
  mutation('price-finer-than-usdc', () => ({ price: '60000.0000001' })),
  mutation('fee-finer-than-usdc', (f) => ({ buyer: { ...f.buyer, fee: '0.0000001' } })),
  mutation('huge-in-schema', () => ({ quantity: '99999999999999999999', price: '99999999999999999999' })),
  mutation('unknown-field', () => ({ note: 'x' })),
  mutation('missing-id', () => ({ fillId: undefined })),
);

export const HOSTILE_FILLS: HostileTopic<WireFill> = {
  valid: validFill,
  conflicting: (fill) => ({ ...fill, price: String(Number(fill.price) + 1) }),
  fields: {
    price: poisonDecimal,
    quantity: poisonDecimal,
    eventTime: poisonTimestamp,
    venueSequence: fc.constantFrom(
      ...[
        ['as-string', '1'],
        ['negative', -1],
        ['fraction', 1.5],
        ['above-2^53', 2 ** 60],
      ].map(([label, value]) => ({ label: String(label), value })),
    ),
    fillId: fc.oneof(wrongType, fc.constant({ label: 'overlong-id', value: 'x'.repeat(500) })),
    instrument: fc.oneof(wrongType, fc.constant({ label: 'lower-case', value: 'btc-perp' })),
  },
  domain,
};
