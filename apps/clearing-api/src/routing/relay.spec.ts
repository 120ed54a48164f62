import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpException } from '@nestjs/common';
import { relay } from './relay';

const statusOf = (status: number) => {
  try {
    relay({ status, body: { message: 'why' } });
    return 200;
  } catch (error) {
    return (error as HttpException).getStatus();
  }
};

describe('relaying the owner instance answer', () => {
  it('given a 200, then its body is the answer', () => {
    assert.deepEqual(relay({ status: 200, body: { ok: true } }), { ok: true });
  });

  it("given the caller's fault (400, 404, 409, 422), then the same status and reason", () => {
    assert.deepEqual([400, 404, 409, 422].map(statusOf), [400, 404, 409, 422]);
    assert.throws(
      () => relay({ status: 422, body: { message: 'free collateral would be negative' } }),
      (error: HttpException) =>
        (error.getResponse() as { message: string }).message.includes('free collateral'),
    );
  });

  it('given the owner refusing our credential or failing, then 502: never blamed on the caller', () => {
    assert.deepEqual([401, 500, 503].map(statusOf), [502, 502, 502]);
  });
});
