import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InstrumentDefinition, loadInstrumentFile } from '@clearing/contracts';

/** Changes whenever a definition is added (the count) or registered again (`updated_at`). */
export const INSTRUMENTS_VERSION_SQL = `SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS version FROM instruments`;

/** How often a service looks for instruments registered by command (one indexed count per poll). */
const POLL_MS = 1_000;

type Listener = (definitions: readonly InstrumentDefinition[]) => void;

/**
 * The instrument catalog as trading has it: the configured catalog (INSTRUMENTS_FILE) with every
 * `RegisterInstrument` the journal booked over it, read from `instruments` (the aggregator seeds the
 * configured ones there and the projection writes the registered ones). The oracle, the margin calculator
 * and the deleveraging engine follow it, so an instrument the aggregator clears fills in is also marked,
 * margined and liquidatable, without a restart. Until Postgres answers, the configured catalog stands.
 */
@Injectable()
export class RegisteredInstruments implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegisteredInstruments.name);
  private readonly configured = loadInstrumentFile();
  private current: readonly InstrumentDefinition[] = this.configured;
  private version = '';
  private readonly listeners: Listener[] = [];
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly db: DataSource) {}

  definitions(): readonly InstrumentDefinition[] {
    return this.current;
  }

  /** Called with the whole catalog whenever it changes (after the listener is added). */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** A value derived from the catalog (lots, terms, a lookup), rebuilt whenever the catalog changes. */
  follow<T>(derive: (definitions: readonly InstrumentDefinition[]) => T): () => T {
    let value = derive(this.current);
    this.onChange((definitions) => (value = derive(definitions)));
    return () => value;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    void this.poll();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One look at the table; true when the catalog changed. */
  async poll(): Promise<boolean> {
    if (this.polling || !this.db.isInitialized) return false;
    this.polling = true;
    try {
      const [{ version }] = (await this.db.query(INSTRUMENTS_VERSION_SQL)) as { version: string }[];
      if (version === this.version) return false;
      const rows = (await this.db.query('SELECT definition FROM instruments')) as {
        definition: InstrumentDefinition;
      }[];
      this.version = version;
      return this.replace(rows.map((row) => row.definition));
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'registered instruments not read; retrying');
      return false;
    } finally {
      this.polling = false;
    }
  }

  private replace(registered: readonly InstrumentDefinition[]): boolean {
    const bySymbol = new Map(this.configured.map((d) => [d.symbol, d]));
    for (const definition of registered) bySymbol.set(definition.symbol, definition);
    const next = [...bySymbol.values()];
    if (JSON.stringify(next) === JSON.stringify(this.current)) return false;
    this.current = next;
    this.logger.log({ instruments: next.length }, 'instrument catalog changed');
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (error) {
        // That service keeps the catalog it had (e.g. an underlying it has no parameters for); the log says so.
        this.logger.error({ error: (error as Error).message }, 'catalog change not applied here');
      }
    }
    return true;
  }
}
