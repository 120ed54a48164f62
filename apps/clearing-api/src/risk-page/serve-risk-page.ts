import { existsSync } from 'node:fs';
import path from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';

/** Where the browser sees the page. */
export const RISK_PAGE_PATH = '/risk/';

/**
 * The page's files stay as written (no build step): dist/apps/clearing-api/src/risk-page -> the source
 * tree's apps/clearing-api/risk-page, so the compiled service serves what the repository holds.
 */
export const RISK_PAGE_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'apps',
  'clearing-api',
  'risk-page',
);

/**
 * Serves the live risk page as static files, outside the API key guard: the page holds no data, and every
 * call it makes for data carries the key the user pastes in. Helmet's default CSP (script-src 'self',
 * connect-src via default-src 'self') already allows its own script file and its calls back to the API;
 * the page has no inline script, so nothing needs loosening.
 */
export function serveRiskPage(app: INestApplication): void {
  // An image built from dist/ alone would answer 404 at /risk/: say why at boot rather than leave it silent.
  if (!existsSync(path.join(RISK_PAGE_DIR, 'index.html'))) {
    new Logger('RiskPage').warn(`risk page files missing from ${RISK_PAGE_DIR}: /risk/ will answer 404`);
  }
  (app as NestExpressApplication).useStaticAssets(RISK_PAGE_DIR, {
    prefix: RISK_PAGE_PATH,
    index: 'index.html',
    redirect: true,
    fallthrough: true,
  });
}
