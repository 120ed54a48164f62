// Test support: the Debian chromium driven by playwright-core, and what a person sees on a page, as text.
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's package installs here (.ci/run apt-installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOWN_WITHIN_MS = 60_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

/** A table body's cells, row by row, as displayed. */
export async function rowsOf(page: Page, tableId: string): Promise<string[][]> {
  const rows = await page.locator(`#${tableId} tbody tr`).all();
  return Promise.all(rows.map((row) => row.locator('td').allTextContents()));
}

/** Waits until `read` of the page gives `expected` (compared as JSON); fails with what it last showed. */
export async function waitUntilShown<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + SHOWN_WITHIN_MS;
  let shown: T = await read();
  while (JSON.stringify(shown) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) {
      throw new Error(`page shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    shown = await read();
  }
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).textContent()) ?? '';
}
