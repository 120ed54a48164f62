import { MultiBar, Presets, SingleBar } from 'cli-progress';
import { LiveFigures } from './demo-scenario';
import { byLabel, total } from './metrics-scrape';

/**
 * The live view on a terminal (cli-progress): fills cleared against published with the consumers' lag,
 * and a line with accounts by health band, liquidation cases and the insurance funds, redrawn each round.
 */
export class ProgressView {
  private readonly bars = new MultiBar(
    { format: '{label} {bar} {value}/{total} {detail}', hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  private readonly fills: SingleBar;
  private readonly waterfall: SingleBar;

  constructor() {
    this.fills = this.bars.create(1, 0, { label: 'fills cleared ', detail: '' });
    this.waterfall = this.bars.create(1, 0, { label: 'cases closed  ', detail: '' });
  }

  update({ published, cleared, samples }: LiveFigures): void {
    const lag = total(samples, 'clearing_consumer_lag_messages');
    this.fills.setTotal(Math.max(published, 1));
    this.fills.update(cleared, { detail: `lag ${lag} messages` });
    const bands = byLabel(samples, 'clearing_margin_accounts_by_band', 'band');
    const opened = total(samples, 'clearing_deleveraging_cases_opened_total');
    const open = total(samples, 'clearing_deleveraging_cases_open');
    const fundUsd = total(samples, 'clearing_deleveraging_insurance_fund_usd');
    this.waterfall.setTotal(Math.max(opened, 1));
    this.waterfall.update(opened - open, {
      detail: `bands ${Object.entries(bands)
        .map(([b, n]) => `${b} ${n}`)
        .join(', ')}  insurance funds ${fundUsd.toFixed(0)} USD`,
    });
  }

  stop(): void {
    this.bars.stop();
  }
}
