import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LiquidationV1 } from '@clearing/contracts';
import { DeleveragingFixture, eventually, gapScenario } from '@clearing/testing';

const { ACCOUNTS, gapTo, openLongsAt60000, TRADERS } = gapScenario;

// Shards of 6 partitions: alice 3, carol 2, dave 4 (see gap-scenario.ts).
type Step = Extract<LiquidationV1, { kind: 'step' }>;
const system = new DeleveragingFixture();

describe('deleveraging engine: BTC gaps from 60,000 to 50,000 under three leveraged longs', () => {
  before(async () => {
    await system.open(ACCOUNTS);
    await system.startAll();
    await system.startEngine();
  });
  after(() => system.close());

  it('given the longs bought 1 BTC-PERP each from bob at 60,000, when the index gaps to 50,000, then every case closes', async () => {
    await openLongsAt60000(system);
    await gapTo(system, '50000');
    const outcomes = await Promise.all(Object.keys(TRADERS).map((a) => system.awaitClosed(a, 90_000)));
    assert.deepEqual(
      outcomes.map((c) => [c.account, c.outcome]),
      [
        ['alice', 'restored'],
        ['carol', 'insurance-fund'],
        ['dave', 'adl'],
      ],
    );
  });

  it('then alice (NLV 5,000 under a 6,000 maintenance) was liquidated partially: a little over half sold to the backstop in throttled rounds, the rest kept', async () => {
    const steps = await stepsOf('alice');
    const sold = steps.flatMap((s) => s.commands).filter((c) => 'instrument' in c && c.account === 'alice');
    assert.ok(sold.length >= 2, 'throttled: more than one round');
    assert.ok(sold.every((c) => 'side' in c && c.side === 'sell' && c.counterpartyAccount === 'BACKSTOP'));
    const quantity = await positionOf('alice');
    // 5,000 - 1,242.5 x (slippage + fee per BTC) >= 8,800 (1 - x) (IM x 1.1) needs x >= 0.503.
    assert.ok(quantity > 0.45 && quantity < 0.5, `alice keeps ${quantity} BTC`);
    assert.ok(Number(await balanceOf('INSURANCE-FUND-3')) > 0, 'liquidation fees went to alice’s shard fund');
  });

  it('then carol (NLV -2,000) was topped up by 2,000 from the insurance fund and closed at the mark, ending at zero', async () => {
    const [step] = await stepsOf('carol');
    assert.equal(step.action, 'insurance-draw');
    const draw = step.commands.find((c) => c.type === 'InsuranceFundDraw');
    assert.equal(Number(draw && 'amount' in draw ? draw.amount : NaN), 2000);
    assert.equal(await positionOf('carol'), 0);
    assert.equal(Number(await balanceOf('carol')), 0);
    assert.equal(Number(await balanceOf('INSURANCE-FUND-2')), 3000);
  });

  it('then dave (NLV -2,500, his shard fund empty) was deleveraged against bob at his bankruptcy price, 52,500, ending at zero', async () => {
    const adl = (await stepsOf('dave')).find((s) => s.action === 'adl')!;
    assert.deepEqual(
      adl.commands.map((c) => ('price' in c ? [c.account, c.side, Number(c.quantity), Number(c.price)] : [])),
      [
        ['dave', 'sell', 1, 52500],
        ['bob', 'buy', 1, 52500],
      ],
    );
    assert.equal(await positionOf('dave'), 0);
    assert.equal(Number(await balanceOf('dave')), 0);
  });

  it('then every step was booked once and clearing verify passes: each asset sums to zero, the CCP is flat', async () => {
    const journal = await system.journal();
    const steps = (await system.liquidations()).filter(
      (m): m is Step => m.kind === 'step' && m.status === 'issued',
    );
    for (const { commandId } of steps.flatMap((s) => s.commands))
      assert.equal(journal.filter((e) => e.causationId === commandId).length, 1, `command ${commandId}`);
    assert.ok(await system.verifies());
  });

  it('then the backstop, which held no BTC-PERP before, holds exactly what the liquidated longs sold to it', async () => {
    const legs = [...(await stepsOf('alice')), ...(await stepsOf('carol'))].flatMap((s) => s.commands);
    const sold = legs.filter((c) => c.type === 'LiquidationTransfer' && c.account !== 'BACKSTOP');
    const total = sold.reduce((sum, c) => sum + ('quantity' in c ? Number(c.quantity) : 0), 0);
    assert.ok(total > 0);
    assert.ok(
      Math.abs((await positionOf('BACKSTOP')) - total) < 1e-9,
      `backstop holds what was sold: ${total}`,
    );
  });
});

async function stepsOf(account: string): Promise<Step[]> {
  const all = await system.liquidations();
  return all.filter((m): m is Step => m.kind === 'step' && m.account === account && m.status === 'booked');
}

async function positionOf(account: string): Promise<number> {
  const rows = await eventually(async () => {
    const found = await system.query<{ quantity: string }>(
      `SELECT quantity::text FROM positions WHERE account_id = $1 AND instrument = 'BTC-PERP'`,
      [account],
    );
    return found.length > 0 ? found : undefined;
  });
  return Number(rows[0].quantity);
}

async function balanceOf(account: string): Promise<string> {
  const rows = await system.query<{ amount: string }>(
    `SELECT amount::text FROM balances WHERE account_id = $1 AND asset = 'USDC'`,
    [account],
  );
  return rows[0]?.amount ?? '0';
}
