import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASSETS, AssetRegistry, OPTION_POSITION_SCALE } from './assets';

describe('AssetRegistry', () => {
  it('given the base assets, then scales are fixed as designed', () => {
    const registry = AssetRegistry.withBaseAssets();
    assert.equal(registry.scaleOf('USDC'), 6);
    assert.equal(registry.scaleOf('BTC'), 8);
    assert.equal(registry.scaleOf('ETH'), 18);
    assert.equal(registry.scaleOf('stETH'), ASSETS.ETH.scale);
    assert.equal(registry.get('BTC-PERP').kind, 'position');
    assert.ok(Object.isFrozen(ASSETS.USDC));
  });

  it('given a new option instrument, when registered at run time, then amounts parse at its scale', () => {
    const registry = AssetRegistry.withBaseAssets();
    registry.register({ code: 'ETH-27DEC26-3000-C', scale: OPTION_POSITION_SCALE, kind: 'position' });
    assert.equal(registry.parse('ETH-27DEC26-3000-C', '1.25'), 125n);
    assert.equal(registry.format('ETH-27DEC26-3000-C', -125n), '-1.25');
    assert.throws(() => registry.parse('ETH-27DEC26-3000-C', '1.255'), /fraction digits/);
  });

  it('given a registered asset, when re-registered identically, then it is a no-op (replay-safe)', () => {
    const registry = AssetRegistry.withBaseAssets();
    const before = registry.list().length;
    registry.register({ code: 'USDC', scale: 6, kind: 'cash' });
    assert.equal(registry.list().length, before);
  });

  it('given a registered asset, when re-registered with another scale or kind, then throws', () => {
    const registry = AssetRegistry.withBaseAssets();
    assert.throws(() => registry.register({ code: 'USDC', scale: 2, kind: 'cash' }), /cannot re-register/);
    assert.throws(() => registry.register({ code: 'BTC', scale: 8, kind: 'position' }), /cannot re-register/);
    assert.equal(registry.scaleOf('USDC'), 6);
  });

  it('given unknown or malformed codes, then throws', () => {
    const registry = new AssetRegistry();
    assert.throws(() => registry.get('USDC'), /unknown asset/);
    assert.throws(
      () => registry.register({ code: 'bad code', scale: 2, kind: 'cash' }),
      /invalid asset code/,
    );
    assert.throws(() => registry.register({ code: 'X', scale: 19, kind: 'cash' }), RangeError);
  });
});
