import { after, before, describe, it, TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { publishRaw } from '@clearing/testing';
import { ApiFixture } from './testing/api-fixture';
import { centsOf, quotient, usdOf } from './testing/exact-expectations';
import { launchChromium, rowsOf, textOf, waitUntilShown } from './testing/headless-page';
import {
  Cover2Report,
  cycleSummary,
  FUNDS,
  insertCase,
  OPEN_CASES,
  RISK_BOOK,
  seedRiskBook,
  solvencyMessage,
} from './testing/risk-page-seed';

/** dist/apps/clearing-api/src -> <repo>/test-output (ignored by git). */
const OUTPUT_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test-output');
const fixture = new ApiFixture();
let browser: Browser;
let page: Page;
const browserErrors: string[] = [];

const CALM: Cover2Report = {
  insuranceFundUsd: '3000000.00',
  excessCollateralUsd: '1000000.00',
  largest: [
    { account: 'BANKRUPT-F', stressLossUsd: '1000000.00' },
    { account: 'LIQ-E', stressLossUsd: '600000.00' },
  ],
  requiredUsd: '1600000.00',
  ratio: 2.5,
};
const CRASH: Cover2Report = {
  insuranceFundUsd: '2500000.00',
  excessCollateralUsd: '500000.00',
  largest: [
    { account: 'BANKRUPT-F', stressLossUsd: '2500000.00' },
    { account: 'WARNING-D', stressLossUsd: '1250000.00' },
  ],
  requiredUsd: '3750000.00',
  ratio: 0.8,
};
const NETTED = [
  { asset: 'USDC', gross: '200000', net: '30000', nettingEfficiency: '0.850000' },
  { asset: 'BTC', gross: '10', net: '10', nettingEfficiency: '0.000000' },
];

/** Cover 2 as the page should state it: (insurance funds + excess collateral) / the two largest losses. */
function coverRatioShown(report: Cover2Report): string {
  const required = report.largest.reduce((sum, l) => sum + centsOf(l.stressLossUsd), 0n);
  return quotient(centsOf(report.insuranceFundUsd) + centsOf(report.excessCollateralUsd), required, 2);
}

/** Accounts with maintenance margin, lowest margin NLV / MM first, with ratio (4 places) and cushion. */
function nearestShown(): string[][] {
  const atRisk = RISK_BOOK.filter((r) => r.band !== null && centsOf(r.mmUsd) > 0n);
  const byRatio = [...atRisk].sort((a, b) => {
    const diff = centsOf(a.marginNlvUsd) * centsOf(b.mmUsd) - centsOf(b.marginNlvUsd) * centsOf(a.mmUsd);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  });
  return byRatio.map((r) => [
    r.account,
    r.band as string,
    quotient(centsOf(r.marginNlvUsd), centsOf(r.mmUsd), 4),
    r.marginNlvUsd,
    r.mmUsd,
    usdOf(centsOf(r.marginNlvUsd) - centsOf(r.mmUsd)),
  ]);
}

const BANDS = ['healthy', 'watch', 'warning', 'liquidatable', 'bankrupt'];
const bandCountsShown = (): Promise<string[]> =>
  Promise.all(BANDS.map((band) => textOf(page, `[data-band="${band}"] .count`)));
const cover2Shown = async () => [
  await textOf(page, '#cover2-ratio'),
  await textOf(page, '#cover2-sufficient'),
];

async function screenshot(t: TestContext, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`risk page screenshot: ${file}`);
}

before(async () => {
  await fixture.open();
  await seedRiskBook(fixture.database.dataSource);
  const publish = (topic: string, messages: { key: string; value: string }[]) =>
    publishRaw(fixture.kafka.kafka, topic, messages);
  await publish(fixture.topics.liquidations, [solvencyMessage(CALM, '2026-12-01T00:00:00.000Z')]);
  await publish(fixture.topics.settlements, [cycleSummary('3-41', NETTED)]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // A 404 is an answer the page handles (no Cover 2 report yet); a CSP refusal or a script error is not.
  page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && browserErrors.push(m.text()));
  page.on('pageerror', (error) => browserErrors.push(error.message));
});
after(async () => {
  await browser?.close();
  await fixture.close();
});

describe('the live risk page in headless Chromium', () => {
  it('given a book in every band, two open cases, two funds, Cover 2 and a netted cycle, when an operator pastes a key, then the page shows each figure', async (t) => {
    await page.goto(`${fixture.baseUrl}/risk/`);
    await page.fill('#key', await fixture.key('operator'));
    await page.click('#key-form button[type="submit"]');

    const perBand = BANDS.map((band) => String(RISK_BOOK.filter((r) => r.band === band).length));
    await waitUntilShown(bandCountsShown, perBand);
    assert.equal(await textOf(page, '#unpriced'), String(RISK_BOOK.filter((r) => r.band === null).length));
    assert.equal(await textOf(page, '#total'), String(RISK_BOOK.length));
    assert.deepEqual(await rowsOf(page, 'nearest'), nearestShown());
    const newestFirst = [...OPEN_CASES].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    assert.deepEqual(
      (await rowsOf(page, 'cases')).map((row) => row.slice(0, 4)),
      newestFirst.map((c) => [c.caseId, c.account, c.phase, String(c.steps)]),
    );
    assert.deepEqual(
      await rowsOf(page, 'funds'),
      FUNDS.map((f) => [f.fundAccount, f.asset, f.balance]),
    );
    await waitUntilShown(cover2Shown, [coverRatioShown(CALM), 'yes']);
    const efficiency = (gross: string, net: string) =>
      `${((BigInt(gross) - BigInt(net)) * 100n) / BigInt(gross)}%`;
    assert.deepEqual(
      await rowsOf(page, 'netting'),
      NETTED.map((a) => [a.asset, a.gross, a.net, efficiency(a.gross, a.net)]),
    );
    await screenshot(t, 'risk-page.png');
    assert.deepEqual(browserErrors, [], 'no script error and no Content-Security-Policy refusal');
  });

  it('given the page is open, when a crash opens a case and Cover 2 falls short, then both show without a reload', async (t) => {
    await page.evaluate(() => Object.assign(globalThis, { stillTheSamePage: true }));
    const opened = {
      caseId: 'WARNING-D:case:1',
      account: 'WARNING-D',
      phase: 'opened',
      steps: 0,
      openedAt: '2026-12-01T03:00:00.000Z',
    };
    // The engine's projection row, then its event: the page re-reads the cases when the event arrives.
    await insertCase(fixture.database.dataSource, opened);
    const trigger = {
      band: 'liquidatable',
      nlvUsd: '90000.00',
      marginNlvUsd: '88000.00',
      mmUsd: '100000.00',
      journalSequence: 7,
    };
    const caseOpened = {
      schemaVersion: 1,
      kind: 'case-opened',
      caseId: opened.caseId,
      account: opened.account,
      openedAt: opened.openedAt,
      trigger,
    };
    await publishRaw(fixture.kafka.kafka, fixture.topics.liquidations, [
      { key: opened.account, value: JSON.stringify(caseOpened) },
      solvencyMessage(CRASH, '2026-12-01T03:00:01.000Z'),
    ]);

    await waitUntilShown(cover2Shown, [coverRatioShown(CRASH), 'NO — shortfall']);
    await waitUntilShown(
      async () => (await rowsOf(page, 'cases')).map((row) => row[0]),
      [opened, ...OPEN_CASES].sort((a, b) => b.openedAt.localeCompare(a.openedAt)).map((c) => c.caseId),
    );
    assert.equal(await page.evaluate(() => 'stillTheSamePage' in globalThis), true);
    await screenshot(t, 'risk-page-shortfall.png');
  });
});

describe('the live risk page for a key that may not watch the system', () => {
  it('given an account key is pasted, then the page shows the refusal and keeps the key in this tab only', async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(`${fixture.baseUrl}/risk/`);
    const accountKey = await fixture.key('account', 'LIQ-E');
    await other.fill('#key', accountKey);
    await other.click('#key-form button[type="submit"]');
    await waitUntilShown(
      () => textOf(other, '#status'),
      'Key refused (403): the risk page needs an operator or auditor key.',
    );
    // A browser expression (the project compiles without DOM types).
    const stored = await other.evaluate(
      "[sessionStorage.getItem('clearing.riskPage.apiKey'), localStorage.length]",
    );
    assert.deepEqual(stored, [accountKey, 0]);
    assert.equal(await textOf(other, '#bands'), '', 'no figure was shown to an account key');
    await context.close();
  });
});
