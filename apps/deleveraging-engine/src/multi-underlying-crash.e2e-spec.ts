import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountMarginV1, LiquidationV1, MarginV1 } from '@clearing/contracts';
import { DeleveragingFixture } from '@clearing/testing';
import { ACCOUNTS, fund, openBook, publishPrices, WHALE } from './multi-underlying-scenario';

// Issue 12, end to end: aggregator, oracle, margin calculator and deleveraging engine as processes, fed
// by plain producers. A book over two underlyings on USDC and de-pegged stETH; ETH crashes by a third.
type Step = Extract<LiquidationV1, { kind: 'step' }>;
const system = new DeleveragingFixture();
const priced = (m: MarginV1): m is AccountMarginV1 => m.kind === 'account-margin';
const usd = (s: string) => Number(s);
// stETH haircut (docs/MARGIN.md): base 4 % + 2.33 x sqrt(seed variance 0.0009 x 2 periods) + de-peg 5 %.
const STETH_HAIRCUT = 0.04 + 2.33 * Math.sqrt(0.0009 * 2) + 0.05;

describe('a BTC and ETH book on de-pegged stETH collateral through a crash of ETH', () => {
  before(async () => {
    await system.open(ACCOUNTS);
    await system.startAll();
    await system.startEngine();
  });
  after(() => system.close());

  it('given stETH trading at 2,950 but redeeming 0.97 ETH at 3,000, when the whale deposits 25,000 USDC and 5 stETH, then NLV counts stETH at 2,910 and margin NLV haircuts it', async () => {
    await publishPrices(system, { BTC: '60000', ETH: '3000', stETH: '2950' });
    await fund(system);
    const margin = await whaleMargin(2);
    assert.equal(usd(margin.nlvUsd), 25_000 + 5 * 2_910);
    assert.ok(
      Math.abs(usd(margin.marginNlvUsd) - (25_000 + 5 * 2_910 * (1 - STETH_HAIRCUT))) <= 0.01,
      margin.marginNlvUsd,
    );
  });

  it('then the EWMA state behind those haircuts is persisted for every index, so a restart keeps them', async () => {
    const rows = await system.query<{ asset: string; variance: number }>(
      'SELECT asset, variance FROM collateral_volatility ORDER BY asset',
    );
    assert.deepEqual(
      rows.map((r) => [r.asset, r.variance]),
      [
        ['BTC', 0.0009],
        ['ETH', 0.0009],
        ['stETH', 0.0009],
      ],
      'one observation each: the seed variance still stands',
    );
  });

  it('when the whale opens ETH perps and calls and a BTC basis trade, then portfolio margin nets the basis below the standard requirement', async () => {
    await openBook(system);
    const margin = await whaleMargin(6);
    assert.equal(margin.method, 'portfolio');
    assert.equal(margin.required.imUsd, margin.portfolio.imUsd);
    assert.ok(
      usd(margin.portfolio.imUsd) < usd(margin.standard.imUsd),
      `${margin.portfolio.imUsd} < ${margin.standard.imUsd}`,
    );
    assert.ok(usd(margin.nettingSavingUsd) > 0);
    assert.equal(margin.health.band, 'healthy', JSON.stringify(margin));
  });

  it('when ETH crashes to 2,000 (stETH to 1,900), then the whale is liquidated, ETH positions first, and the case restores it', async () => {
    await publishPrices(system, { BTC: '60000', ETH: '2000', stETH: '1900' });
    const closed = await system.awaitClosed(WHALE, 90_000);
    assert.equal(closed.outcome, 'restored');
    const [first] = await stepsOf(WHALE);
    const sold = first.commands.filter((c) => 'instrument' in c && c.account === WHALE);
    assert.ok(sold.length > 0);
    assert.ok(
      sold.every((c) => 'instrument' in c && c.instrument.startsWith('ETH-')),
      `first round: ${JSON.stringify(sold)}`,
    );
  });

  it('then the BTC basis trade is untouched and clearing verify passes', async () => {
    assert.equal(await positionOf(WHALE, 'BTC-PERP'), 1);
    assert.equal(await positionOf(WHALE, 'BTC-27MAR26'), -1);
    assert.ok(await system.verifies());
  });
});

/** The whale's figures once its journal reached `sequence`; on a timeout, says what it got instead. */
function whaleMargin(sequence: number): Promise<AccountMarginV1> {
  return system
    .awaitMargin(WHALE, (m): m is AccountMarginV1 => priced(m) && m.journalSequence >= sequence)
    .catch(async (error: Error) => {
      const last = (await system.marginOf(WHALE)).at(-1);
      throw new Error(`${error.message}; last margin.v1 of the whale: ${JSON.stringify(last)}`);
    });
}

async function stepsOf(account: string): Promise<Step[]> {
  const all = await system.liquidations();
  return all.filter((m): m is Step => m.kind === 'step' && m.account === account && m.status === 'booked');
}

async function positionOf(account: string, instrument: string): Promise<number> {
  const rows = await system.query<{ quantity: string }>(
    'SELECT quantity::text FROM positions WHERE account_id = $1 AND instrument = $2',
    [account, instrument],
  );
  return Number(rows[0]?.quantity ?? 0);
}
