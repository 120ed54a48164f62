import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { btcIndex, btcPerpMark, engine, TestLedger } from './engine-fixtures';

const T0 = '2026-11-25T10:00:00.000Z';

describe('risk parameters changed through the journal', () => {
  function aliceLongOneBtc() {
    const margin = engine();
    const ledger = new TestLedger();
    margin.applyMarks([btcPerpMark(60_000, T0), btcIndex(60_000, T0)]);
    margin.applyJournal([...ledger.deposit('alice', '20000'), ...ledger.trade('alice', '1', '60000')]);
    return margin;
  }
  const imOf = (margin: ReturnType<typeof engine>) => {
    const [figures] = margin.evaluate(['alice'], 'journal', T0).all;
    assert.equal(figures.kind, 'account-margin');
    return figures.kind === 'account-margin' ? Number(figures.required.imUsd) : NaN;
  };

  it('given the BTC imFactor raised from 1 to 1.5, then a naked perp needs half as much again', () => {
    const margin = aliceLongOneBtc();
    const before = imOf(margin);
    margin.changeRiskParams({ scope: 'underlying', target: 'BTC', params: { imFactor: '1.5' } });
    assert.ok(Math.abs(imOf(margin) - before * 1.5) <= 0.02, `${before} -> ${imOf(margin)}`);
  });

  it("given Paradex's minimum delta charge journaled at 25% for BTC, then a 1 BTC perp needs 15,000, not its 9,600 scan loss", () => {
    const margin = aliceLongOneBtc();
    assert.equal(imOf(margin), 9_600);
    margin.changeRiskParams({ scope: 'underlying', target: 'BTC', params: { minDeltaRate: '0.25' } });
    assert.equal(imOf(margin), 15_000);
  });

  it('given the short option MM rate and the size term journaled for BTC, then its standard margin carries them', () => {
    const margin = aliceLongOneBtc();
    const change = { shortOptionMmRate: '0.1', sizeRatePerUnit: '0.00005' };
    margin.changeRiskParams({ scope: 'underlying', target: 'BTC', params: change });
    const { standard } = margin.config.underlyings.BTC;
    assert.deepEqual([standard.shortOptionMmRate, standard.sizeRatePerUnit], [0.1, 0.00005]);
    assert.equal(standard.shortOptionRate, 0.15, 'the rest of the standard parameters is kept');
  });

  it("given Drift's size factor journaled for BTC collateral, then the asset's parameters carry it", () => {
    const margin = aliceLongOneBtc();
    margin.changeRiskParams({ scope: 'asset', target: 'BTC', params: { sizeImfFactor: '0.002' } });
    assert.equal(margin.config.collateral.BTC.sizeImfFactor, 0.002);
  });

  it('given a global mmFactor change, then every underlying takes it', () => {
    const margin = aliceLongOneBtc();
    margin.changeRiskParams({ scope: 'global', params: { mmFactor: '0.5' } });
    assert.deepEqual(
      Object.values(margin.config.underlyings).map((u) => u.mmFactor),
      Object.keys(margin.config.underlyings).map(() => 0.5),
    );
  });

  it('given an unknown parameter or a negative value, then the change is refused whole', () => {
    const margin = aliceLongOneBtc();
    const before = margin.config;
    assert.throws(
      () =>
        margin.changeRiskParams({
          scope: 'underlying',
          target: 'BTC',
          params: { imFactor: '2', gridStep: '1' },
        }),
      /gridStep is not/,
    );
    assert.throws(
      () => margin.changeRiskParams({ scope: 'asset', target: 'BTC', params: { baseHaircut: '-0.1' } }),
      /baseHaircut/,
    );
    assert.equal(margin.config, before, 'nothing half-applied');
  });
});
