import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractViolationError, decodeMessage, encodeMessage, MAX_MESSAGE_BYTES } from './decode';
import { FillV1 } from './fill';
import { TOPICS } from './topics';

const fill: FillV1 = {
  schemaVersion: 1,
  fillId: 'f-1',
  venue: 'venue-a',
  venueSequence: 1,
  instrument: 'BTC-PERP',
  price: '65000.5',
  quantity: '0.25',
  aggressor: 'buy',
  buyer: { account: 'acct-alice', orderId: 'o-1', fee: '1.5' },
  seller: { account: 'acct-bob', orderId: 'o-2', fee: '-0.5' },
  eventTime: '2026-03-14T09:26:53.589Z',
};

describe('decodeMessage', () => {
  it('given null or zero bytes (a tombstone), then code empty', () => {
    assert.deepEqual(decodeMessage(TOPICS.fills, null), {
      ok: false,
      code: 'empty',
      reason: 'empty message value (null or zero bytes)',
    });
    assert.equal(decodeMessage(TOPICS.fills, Buffer.alloc(0)).ok, false);
  });

  it('given a message over the limit, then code too-large, decided before any parsing', () => {
    const garbage = Buffer.alloc(MAX_MESSAGE_BYTES + 1, '{');
    const result = decodeMessage(TOPICS.fills, garbage);
    assert.deepEqual(result, {
      ok: false,
      code: 'too-large',
      reason: `message is ${MAX_MESSAGE_BYTES + 1} bytes, the limit is ${MAX_MESSAGE_BYTES}`,
    });
  });

  it('given a custom limit, then it applies instead of the default', () => {
    const bytes = Buffer.from(JSON.stringify(fill));
    assert.equal(decodeMessage(TOPICS.fills, bytes, bytes.length).ok, true);
    assert.equal(!decodeMessage(TOPICS.fills, bytes, bytes.length - 1).ok, true);
  });

  it('given truncated JSON or invalid UTF-8, then code not-json', () => {
    const truncated = decodeMessage(TOPICS.fills, Buffer.from('{"fillId": "f-1"'));
    assert.equal(!truncated.ok && truncated.code, 'not-json');
    const latin1 = decodeMessage(TOPICS.fills, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    assert.equal(!latin1.ok && latin1.code, 'not-json');
  });

  it('given schema violations, then the reason lists each path and problem readably', () => {
    const bad = { ...fill, price: 65000.5, buyer: { ...fill.buyer, fee: '+1' }, leverage: 5 };
    const result = decodeMessage(TOPICS.fills, Buffer.from(JSON.stringify(bad)));
    assert.equal(result.ok, false);
    const reason = result.ok ? '' : result.reason;
    assert.match(reason, /^\/ must NOT have additional properties \("leverage"\)/);
    assert.match(reason, /\/price must be string/);
    assert.match(reason, /\/buyer\/fee must match pattern/);
  });

  it('given an unknown command type, then the reason names the discriminator', () => {
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 1, type: 'Mint', commandId: 'c', account: 'a' }),
    );
    const result = decodeMessage(TOPICS.ledgerCommands, bytes);
    assert.match(result.ok ? '' : result.reason, /tag "type" must be in oneOf/);
  });

  it('given a field forbidden for a variant, then the reason says it must not be present', () => {
    const perpetual = {
      schemaVersion: 1,
      type: 'RegisterInstrument',
      commandId: 'c',
      account: 'ops',
      issuedAt: '2026-03-14T09:30:00Z',
      instrument: 'BTC-PERP',
      instrumentKind: 'perpetual',
      underlying: 'BTC',
      quoteAsset: 'USD',
      settlementAsset: 'USDC',
      positionScale: 4,
      contractSize: '1',
      strike: '1',
    };
    const result = decodeMessage(TOPICS.ledgerCommands, Buffer.from(JSON.stringify(perpetual)));
    assert.equal(result.ok ? '' : result.reason, '/strike must not be present here');
  });
});

describe('decodeMessage of settlements and fill legs', () => {
  it('given a settlements.v1 cycle summary, then it decodes typed by kind', () => {
    const summary = {
      schemaVersion: 1,
      kind: 'cycle-summary',
      cycleId: '0-1',
      partition: 0,
      cycleSeq: 1,
      openedAt: '2026-03-14T09:00:00Z',
      closedAt: '2026-03-14T09:00:01Z',
      eventCount: 2,
      obligationCount: 0,
      byAsset: [],
    };
    const result = decodeMessage(TOPICS.settlements, Buffer.from(JSON.stringify(summary)));
    assert.ok(result.ok && result.value.kind === 'cycle-summary');
    assert.equal(result.value.eventCount, 2);
  });

  it('given a fill leg whose option terms lack a strike, then the reason names the terms path', () => {
    const leg = {
      schemaVersion: 1,
      type: 'FillLeg',
      commandId: 'f-1:buyer',
      account: 'acct-alice',
      issuedAt: '2026-03-14T09:30:00Z',
      fillId: 'f-1',
      side: 'buy',
      counterpartyAccount: 'acct-bob',
      terms: {
        instrument: 'ETH-1',
        kind: 'option',
        settlementAsset: 'USDC',
        positionScale: 2,
        contractSize: '1',
      },
      price: '1',
      quantity: '1',
      fee: '0',
      feeAsset: 'USDC',
      venue: 'venue-a',
      venueSequence: 1,
      fillHash: '0'.repeat(64),
    };
    const result = decodeMessage(TOPICS.ledgerCommands, Buffer.from(JSON.stringify(leg)));
    assert.match(result.ok ? '' : result.reason, /^\/terms must have required property 'expiry'/);
  });
});

describe('encodeMessage', () => {
  it('given a valid message, then its bytes decode back to the same value', () => {
    const decoded = decodeMessage(TOPICS.fills, encodeMessage(TOPICS.fills, fill));
    assert.deepEqual(decoded, { ok: true, value: fill });
  });

  it('given an invalid message, then refuses to publish it', () => {
    const invalid = { ...fill, quantity: '-1' };
    assert.throws(() => encodeMessage(TOPICS.fills, invalid), ContractViolationError);
  });
});
