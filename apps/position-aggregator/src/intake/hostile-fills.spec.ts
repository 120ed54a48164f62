import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMessage, loadInstrumentFile, TOPICS } from '@clearing/contracts';
import { AssetRegistry } from '@clearing/ledger';
import { HOSTILE_FILL_ACCOUNTS, HOSTILE_FILLS, hostileRecords } from '@clearing/testing';
import { ReferenceData, validateFill } from './fill-validation';

// The intake's door, without Kafka: 600 generated adversarial fills through the decoder and the CCP's
// rules (as configured in config/instruments.json). Each must be refused with a reason and none may throw;
// the valid fills they are made from must all pass.
describe('fill intake against generated hostile fills', () => {
  const instruments = new Map(loadInstrumentFile().map((i) => [i.symbol, i]));
  const reference: ReferenceData = {
    instrument: (symbol) => instruments.get(symbol),
    accountStatus: (account) =>
      (HOSTILE_FILL_ACCOUNTS as readonly string[]).includes(account) ? 'active' : undefined,
    allowsSelfTrade: () => false,
    assets: AssetRegistry.withBaseAssets(),
  };
  const verdictOf = (value: Buffer | string | null) => {
    const decoded = decodeMessage(TOPICS.fills, value === null ? null : Buffer.from(value));
    return decoded.ok ? validateFill(decoded.value, reference) : decoded;
  };

  it('given 600 hostile fills, then every one is refused with a reason and none throws', () => {
    const records = hostileRecords(HOSTILE_FILLS, 600, 11);
    const accepted = records.filter((record) => {
      const verdict = verdictOf(record.value);
      if (!verdict.ok) assert.ok(verdict.reason.length > 0, record.label);
      return verdict.ok;
    });
    assert.deepEqual(
      accepted.map((r) => r.label),
      [],
    );
  });

  it('given the valid fills the hostile ones mutate, then every one is accepted', () => {
    for (let i = 0; i < 100; i++) {
      const verdict = verdictOf(JSON.stringify(HOSTILE_FILLS.valid(i).message));
      assert.ok(verdict.ok, verdict.ok ? '' : verdict.reason);
    }
  });
});
