import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequestException } from '@nestjs/common';
import { WHAT_IF_REQUEST_SCHEMA } from '@clearing/contracts';
import { validated, WITHDRAWAL_SCHEMA } from './request-schemas';

// Issue 11, finding 5: a what-if with a 60-digit quantity answered 500 (the figures overflowed after
// validation), and a withdrawal of "0" answered 200 "pending" and was then dead-lettered by the ledger.
describe('margin HTTP requests at the door', () => {
  const whatIf = (quantity: string, priceUsd = '65000') => ({
    trades: [{ instrument: 'BTC-PERP', quantity, priceUsd }],
  });
  const withdrawal = (amount: string) => ({ asset: 'USDC', amount, commandId: 'w-1' });

  it('given a 60-digit quantity or price, then the what-if is a 400, not a 500', () => {
    assert.throws(() => validated(WHAT_IF_REQUEST_SCHEMA, whatIf('1'.repeat(60))), BadRequestException);
    assert.throws(() => validated(WHAT_IF_REQUEST_SCHEMA, whatIf('1', '9'.repeat(60))), BadRequestException);
    assert.throws(
      () => validated(WHAT_IF_REQUEST_SCHEMA, whatIf(`0.${'1'.repeat(40)}`)),
      BadRequestException,
    );
    assert.ok(validated(WHAT_IF_REQUEST_SCHEMA, whatIf('-2.5')));
  });

  it('given what the clearing API refuses at its door (a zero quantity, a lower-case symbol), then so does the calculator', () => {
    assert.throws(() => validated(WHAT_IF_REQUEST_SCHEMA, whatIf('0')), BadRequestException);
    const lowerCase = { trades: [{ instrument: 'btc-perp', quantity: '1', priceUsd: '65000' }] };
    assert.throws(() => validated(WHAT_IF_REQUEST_SCHEMA, lowerCase), BadRequestException);
  });

  it('given a withdrawal of zero or of 60 digits, then it is a 400 before any command is sent', () => {
    for (const amount of ['0', '0.000', '9'.repeat(60)]) {
      assert.throws(() => validated(WITHDRAWAL_SCHEMA, withdrawal(amount)), BadRequestException, amount);
    }
    assert.ok(validated(WITHDRAWAL_SCHEMA, withdrawal('0.5')));
  });
});
