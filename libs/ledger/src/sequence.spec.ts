import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifySequence, nextSequence } from './sequence';

describe('classifySequence', () => {
  it('given a fresh account, then 1 applies and 2 is a gap', () => {
    assert.equal(classifySequence(undefined, 1), 'apply');
    assert.equal(classifySequence(undefined, 2), 'gap');
    assert.equal(nextSequence(undefined), 1);
  });

  it('given last applied 5, then 6 applies, <= 5 is a duplicate, >= 7 is a gap', () => {
    assert.equal(classifySequence(5, 6), 'apply');
    assert.equal(classifySequence(5, 5), 'duplicate');
    assert.equal(classifySequence(5, 1), 'duplicate');
    assert.equal(classifySequence(5, 7), 'gap');
  });

  it('given a redelivered, shuffled stream, when applying only verdict apply in order, each event applies once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat(), { maxLength: 100 }),
        (count, extras) => {
          const deliveries = [
            ...Array.from({ length: count }, (_, i) => i + 1),
            ...extras.map((x) => (x % count) + 1),
          ];
          let last: number | undefined;
          const applied: number[] = [];
          for (const seq of [...deliveries].sort((a, b) => a - b)) {
            if (classifySequence(last, seq) === 'apply') {
              applied.push(seq);
              last = seq;
            }
          }
          assert.deepEqual(
            applied,
            Array.from({ length: count }, (_, i) => i + 1),
          );
        },
      ),
    );
  });

  it('given a non-positive or fractional sequence, then throws', () => {
    assert.throws(() => classifySequence(1, 0), RangeError);
    assert.throws(() => classifySequence(1, 1.5), RangeError);
  });
});
