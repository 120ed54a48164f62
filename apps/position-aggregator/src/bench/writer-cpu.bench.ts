// The aggregator's CPU per fill in its decision path, in process, no Kafka and no Postgres: the intake's
// fill -> signed leg commands, the writer's decode -> decide/evolve -> journal JSON, and the journal read
// back as the projection and a restore read it. Prints CPU µs per fill per stage (process.cpuUsage), bytes
// allocated and GC pause time per fill (v8.GCProfiler), and the bytes of one leg command and one journal event.
// Run: npm run build && npm run bench -- writer-cpu [--fills N] [--accounts N] [--batch N] [--runs R]
import { parseArgs } from 'node:util';
import { GCProfiler } from 'node:v8';
import { FillV1, LedgerJournalV1, loadInstrumentFile, registeredTermsOf, TOPICS } from '@clearing/contracts';
import { decodeContract, DecodedBatch, decodeJournalOwnWrite, splitByDecoder } from '@clearing/kafka';
import { AssetRegistry, JournalCodec } from '@clearing/ledger';
import { benchBook } from '@clearing/testing';
import { aggregatorSettingsFromEnv } from '../aggregator.settings';
import { legMessage } from '../intake/fill-intake.handler';
import { ReferenceData, validateFill } from '../intake/fill-validation';
import { JournalShards } from '../journal/journal-shards';
import { JournalWriterHandler } from '../journal/journal-writer.handler';
import { medianOf, recordsOf, StageClock } from './stage-clock';

const { values: args } = parseArgs({
  options: {
    fills: { type: 'string', default: '50000' },
    accounts: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '2500' },
    runs: { type: 'string', default: '3' },
  },
});
const FILLS = Number(args.fills);
const BATCH_FILLS = Number(args.batch);
const settings = aggregatorSettingsFromEnv({});
const definitions = loadInstrumentFile();

interface RunFigures {
  intakeUsPerFill: number;
  writerUsPerFill: number;
  journalReadUsPerFill: number;
  totalUsPerFill: number;
  allocatedBytesPerFill: number;
  /** Wall time of the GC pauses (v8.GCProfiler `cost`): on a loaded box it includes waiting for a core. */
  gcPauseUsPerFill: number;
  legCommandBytes: number;
  journalEventBytes: number;
}

function referenceData(): ReferenceData {
  const assets = AssetRegistry.withBaseAssets();
  const bySymbol = new Map(definitions.map((d) => [d.symbol, d]));
  return {
    instrument: (symbol) => bySymbol.get(symbol),
    accountStatus: () => 'active',
    allowsSelfTrade: () => false,
    assets,
  };
}

/** One pass of every fill through intake, writer and journal read, on fresh shards (an empty journal). */
async function onePass(fills: readonly Buffer[]): Promise<RunFigures> {
  const codec = new JournalCodec();
  const shards = new JournalShards(
    async () => undefined,
    settings.cyclePolicy,
    codec.scaleOf,
    registeredTermsOf(),
  );
  const writer = new JournalWriterHandler(shards, codec, settings);
  const readerCodec = new JournalCodec();
  const reference = referenceData();
  const clock = new StageClock();
  const gc = new GCProfiler();
  gc.start();
  let legBytes = 0;
  let eventBytes = 0;
  let events = 0;
  for (let start = 0; start < fills.length; start += BATCH_FILLS) {
    const batch = fills.slice(start, start + BATCH_FILLS);
    const byShard = clock.time('intake', () => intake(batch, reference));
    for (const [partition, values] of byShard) {
      legBytes += values.reduce((sum, v) => sum + v.length, 0);
      const journal = await clock.timeAsync('writer', () => writeBatch(writer, partition, values));
      eventBytes += journal.reduce((sum, v) => sum + v.length, 0);
      events += journal.length;
      clock.time('journalRead', () => readJournal(readerCodec, journal));
    }
  }
  const heap = gc.stop();
  const perFill = (value: number) => value / fills.length;
  return {
    intakeUsPerFill: perFill(clock.us('intake')),
    writerUsPerFill: perFill(clock.us('writer')),
    journalReadUsPerFill: perFill(clock.us('journalRead')),
    totalUsPerFill: perFill(clock.totalUs()),
    allocatedBytesPerFill: perFill(allocatedBytes(heap)),
    gcPauseUsPerFill: perFill(heap.statistics.reduce((sum, s) => sum + s.cost, 0)),
    legCommandBytes: legBytes / (2 * fills.length),
    journalEventBytes: eventBytes / events,
  };
}

/** The intake's CPU work for one batch: decode, validate, novate, sign; leg commands grouped by owner shard. */
function intake(batch: readonly Buffer[], reference: ReferenceData): Map<number, Buffer[]> {
  const byShard = new Map<number, Buffer[]>();
  for (const bytes of batch) {
    const decoded = decodeContract(TOPICS.fills, bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    const verdict = validateFill(decoded.value as FillV1, reference);
    if (!verdict.ok) throw new Error(verdict.reason);
    for (const leg of verdict.legs) {
      const message = legMessage(leg, settings);
      const values = byShard.get(message.partition!) ?? [];
      values.push(Buffer.from(message.value));
      byShard.set(message.partition!, values);
    }
  }
  return byShard;
}

/** The writer's CPU work for one partition's batch: decode the commands, decide, evolve, encode events. */
async function writeBatch(
  writer: JournalWriterHandler,
  partition: number,
  values: Buffer[],
): Promise<Buffer[]> {
  const topic = TOPICS.ledgerCommands;
  const { accepted, rejected } = splitByDecoder(topic, partition, recordsOf(values), decodeContract);
  if (rejected.length > 0) throw new Error(rejected[0].reason);
  const batch = { topic, partition, messages: accepted, heartbeat: async () => undefined, stateEpoch: 1 };
  const result = await writer.onCommands(batch as DecodedBatch<never>);
  if ((result.rejected ?? []).length > 0) throw new Error(result.rejected![0].reason);
  return result.outputs.filter((o) => o.topic === TOPICS.ledgerJournal).map((o) => Buffer.from(o.value));
}

/** What the projection (and a writer restore) does with each journal record: decode it, back to an event. */
function readJournal(codec: JournalCodec, journal: readonly Buffer[]): void {
  for (const bytes of journal) {
    const decoded = decodeJournalOwnWrite(TOPICS.ledgerJournal, bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    codec.fromWire(decoded.value as LedgerJournalV1);
  }
}

/** Bytes allocated during the profile: what each GC freed, plus what the heap grew by. */
function allocatedBytes(heap: ReturnType<GCProfiler['stop']>): number {
  const stats = heap.statistics;
  if (stats.length === 0) return 0;
  const freed = stats.reduce(
    (sum, s) => sum + s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  const grown =
    stats[stats.length - 1].afterGC.heapStatistics.usedHeapSize -
    stats[0].beforeGC.heapStatistics.usedHeapSize;
  return freed + grown;
}

async function main(): Promise<void> {
  const book = benchBook(FILLS, Number(args.accounts));
  const fills = book.fills.map((f) => Buffer.from(f.value));
  await onePass(fills.slice(0, Math.min(fills.length, 10_000))); // warm-up: JIT and schema compilation
  const runs: RunFigures[] = [];
  for (let run = 0; run < Number(args.runs); run++) runs.push(await onePass(fills));
  const keys = Object.keys(runs[0]) as (keyof RunFigures)[];
  const median = Object.fromEntries(
    keys.map((k) => [k, Math.round(medianOf(runs.map((r) => r[k])) * 10) / 10]),
  );
  console.log(JSON.stringify({ fills: FILLS, batchFills: BATCH_FILLS, median, runs }, null, 2));
  console.table(
    keys.map((k) => ({ figure: k, median: median[k], runs: runs.map((r) => r[k].toFixed(1)).join(' ') })),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
