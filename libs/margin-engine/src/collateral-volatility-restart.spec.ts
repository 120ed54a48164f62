import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkV1 } from '@clearing/contracts';
import { defaultMarginConfig, haircutOf } from '@clearing/risk';
import { engine, indexMark, SETTINGS } from './engine-fixtures';
import { MarginEngine } from './margin-engine';
import { restoreVolatility, SqlRunner } from './volatility-store';

// Issue 12, defect 6: marks.v1 is compacted to the latest index per asset, so a calculator restarted
// after compaction folded one observation and its ETH haircut fell back towards the seed: before the
// fix the same 10 ETH were haircut 13.96 % before the restart and 9.59 % after it.
const T0 = Date.parse('2026-11-25T00:00:00Z');
const ETH = defaultMarginConfig().collateral.ETH;

function ethIndex(priceUsd: number, atMs: number): MarkV1 {
  // Cents, as the oracle publishes an index price.
  return indexMark('ETH', Number(priceUsd.toFixed(2)), new Date(atMs).toISOString());
}

/** 30 EWMA periods of a choppy ETH (-3 %, +4 %, ...), three index marks per period as the oracle ticks. */
function choppyEth(): MarkV1[] {
  const marks: MarkV1[] = [];
  let priceUsd = 3_000;
  for (let period = 0; period < 30; period++) {
    priceUsd *= period % 2 === 0 ? 0.97 : 1.04;
    for (let tick = 0; tick < 3; tick++)
      marks.push(
        ethIndex(priceUsd * (1 + tick / 1_000), T0 + period * SETTINGS.ewma.periodMs + tick * 1_000),
      );
  }
  return marks;
}

const haircutOfTenEth = (margin: MarginEngine): number =>
  haircutOf(ETH, 10, margin.market.view().volatility.get('ETH')?.variance).total;

describe('collateral volatility survives a restart after marks.v1 compaction', () => {
  it('given 30 periods of ETH folded and persisted, when the calculator restarts on the compacted topic, then the haircut is the same', () => {
    const running = engine();
    running.applyMarks(choppyEth());
    const persisted = running.market.volatilitySnapshots();
    const restarted = engine();
    restarted.market.restoreVolatility(persisted);
    restarted.applyMarks(choppyEth().slice(-1)); // compaction keeps the latest ETH index only
    assert.ok(haircutOfTenEth(running) > 0.13, 'the choppy market is priced in');
    assert.equal(haircutOfTenEth(restarted), haircutOfTenEth(running));
  });

  it('given the uncompacted head is replayed over a restored state, then no period is observed twice', () => {
    const running = engine();
    const marks = choppyEth();
    running.applyMarks(marks.slice(0, 45));
    const restarted = engine();
    restarted.market.restoreVolatility(running.market.volatilitySnapshots());
    restarted.applyMarks(marks); // a restart before compaction replays the whole topic
    running.applyMarks(marks.slice(45));
    assert.deepEqual(restarted.market.volatilitySnapshots(), running.market.volatilitySnapshots());
  });

  it('given a new period, then its asset is named for persistence; given another tick of the same period, then not', () => {
    const margin = engine();
    assert.deepEqual([...margin.applyMarkBatch([ethIndex(3_000, T0)]).sampled], ['ETH']);
    assert.deepEqual([...margin.applyMarkBatch([ethIndex(3_010, T0 + 1_000)]).sampled], []);
  });

  it('given a snapshot taken under another lambda, then it is ignored and the seed stands', () => {
    const running = engine();
    running.applyMarks(choppyEth());
    const restarted = engine({ ewma: { ...SETTINGS.ewma, lambda: 0.97 } });
    const ignored = restarted.market.restoreVolatility(running.market.volatilitySnapshots());
    assert.equal(ignored.length, 1);
    assert.equal(restarted.market.volatilitySnapshots().length, 0);
  });

  it('given Postgres not connected yet at boot, then the restore retries until the table answers', async () => {
    const running = engine();
    running.applyMarks(choppyEth());
    const [eth] = running.market.volatilitySnapshots();
    const row = {
      ...eth,
      period_ms: String(eth.periodMs),
      period: String(eth.period),
      last_price: eth.lastPrice,
    };
    let calls = 0;
    const db: SqlRunner = {
      query: () =>
        ++calls === 1 ? Promise.reject(new Error('Driver not Connected')) : Promise.resolve([row]),
    };
    const failures: string[] = [];
    const restarted = engine();
    await restoreVolatility(restarted.market, db, {
      stopped: () => false,
      onFailure: (e) => failures.push(e.message),
    });
    assert.deepEqual(failures, ['Driver not Connected']);
    assert.deepEqual(restarted.market.volatilitySnapshots(), [eth]);
  });
});
