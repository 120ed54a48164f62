import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newClusterId } from './kafka-broker';

describe('a new KRaft cluster id', () => {
  it('given 5,000 ids, then each is 22 URL-safe base64 characters and none starts with "-" (the storage tool would read it as an option)', () => {
    for (let i = 0; i < 5_000; i++) {
      const id = newClusterId();
      assert.match(id, /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/, id);
    }
  });
});
