import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_RETRY_BACKOFF, retryDelayMs } from './database-connection';

describe('retryDelayMs', () => {
  it('given consecutive failures, when the delay is computed, then it starts at the first delay and doubles', () => {
    const delays = [1, 2, 3, 4].map((failures) => retryDelayMs(failures, DEFAULT_RETRY_BACKOFF));
    assert.deepEqual(delays, [500, 1_000, 2_000, 4_000]);
  });

  it('given any failure count, when the delay is computed, then it never decreases and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (failures) => {
        const delayMs = retryDelayMs(failures, DEFAULT_RETRY_BACKOFF);
        assert.ok(delayMs <= DEFAULT_RETRY_BACKOFF.maxDelayMs);
        assert.ok(delayMs >= retryDelayMs(failures - 1, DEFAULT_RETRY_BACKOFF));
      }),
    );
  });
});
