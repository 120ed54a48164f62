import { DataSource } from 'typeorm';
import { AssetRegistry } from '@clearing/ledger';
import { InstrumentDefinition } from '@clearing/contracts';
import { INSTRUMENTS_VERSION_SQL } from '@clearing/persistence';
import { ReferenceData } from './fill-validation';

type AccountStatus = 'active' | 'suspended' | 'closed';

/**
 * Reference data the intake validates fills against. Accounts are onboarded rows of `accounts`;
 * instruments are seeded from config at start (without overwriting journaled changes) and re-read
 * whenever the table changes, so a journaled RegisterInstrument takes effect without a restart.
 */
export class ReferenceDataRepository {
  private instruments = new Map<string, InstrumentDefinition>();
  private instrumentsVersion = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRegistry,
    private readonly selfTradeVenues: ReadonlySet<string>,
    private readonly configuredInstruments: () => InstrumentDefinition[],
  ) {}

  private seeded?: Promise<void>;

  /** Config instruments go in once per process, never over a journaled definition of the same symbol. */
  private async seedInstruments(definitions: readonly InstrumentDefinition[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO instruments (symbol, kind, definition, source)
       SELECT d->>'symbol', d->>'kind', d, 'config' FROM jsonb_array_elements($1::jsonb) AS d
       ON CONFLICT (symbol) DO NOTHING`,
      [JSON.stringify(definitions)],
    );
  }

  /**
   * A snapshot for one batch in one round trip: the batch's account statuses and the instruments table's
   * version (the definitions are re-read only when it changed). Statuses are read per batch, not cached:
   * a journaled suspension must refuse the next batch's fills, and nothing tells this process about it.
   */
  async forBatch(accounts: readonly string[]): Promise<ReferenceData> {
    this.seeded ??= this.seedInstruments(this.configuredInstruments());
    await this.seeded.catch((error) => {
      this.seeded = undefined;
      throw error;
    });
    const rows: { account_id: string | null; status: AccountStatus; version: string }[] =
      await this.dataSource.query(
        `SELECT a.account_id, a.status, v.version
         FROM (${INSTRUMENTS_VERSION_SQL}) v
         LEFT JOIN accounts a ON a.account_id = ANY($1)`,
        [[...new Set(accounts)]],
      );
    await this.refreshInstruments(rows[0].version);
    const statuses = new Map(rows.filter((r) => r.account_id !== null).map((r) => [r.account_id, r.status]));
    const instruments = this.instruments;
    return {
      instrument: (symbol) => instruments.get(symbol),
      accountStatus: (account) => statuses.get(account),
      allowsSelfTrade: (venue) => this.selfTradeVenues.has(venue),
      assets: this.assets,
    };
  }

  private async refreshInstruments(version: string): Promise<void> {
    if (version === this.instrumentsVersion) return;
    const rows: { definition: InstrumentDefinition }[] = await this.dataSource.query(
      'SELECT definition FROM instruments',
    );
    this.instruments = new Map(rows.map((r) => [r.definition.symbol, r.definition]));
    this.instrumentsVersion = version;
  }
}
