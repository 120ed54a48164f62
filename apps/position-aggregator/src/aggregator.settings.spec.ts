import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregatorSettingsFromEnv } from './aggregator.settings';

describe('aggregatorSettingsFromEnv: AGGREGATOR_LOOPS', () => {
  it('runs every loop in one process unless told otherwise (unset or blank)', () => {
    for (const env of [{}, { AGGREGATOR_LOOPS: ' ' }])
      assert.deepEqual(
        [...aggregatorSettingsFromEnv(env).loops],
        ['intake', 'writer', 'projection', 'expiry'],
      );
  });

  it('runs only the listed loops, so the others can run in other processes', () => {
    const settings = aggregatorSettingsFromEnv({ AGGREGATOR_LOOPS: 'intake, expiry' });
    assert.deepEqual([...settings.loops], ['intake', 'expiry']);
  });

  it('refuses a loop it does not know rather than silently consuming nothing', () => {
    assert.throws(
      () => aggregatorSettingsFromEnv({ AGGREGATOR_LOOPS: 'intake,projector' }),
      /AGGREGATOR_LOOPS: unknown loop\(s\) projector/,
    );
  });
});
