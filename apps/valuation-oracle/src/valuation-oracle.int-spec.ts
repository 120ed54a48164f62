import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { Global, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ClearingConfigModule } from '@clearing/config';
import {
  dlqTopicOf,
  IndexMarkV1,
  InstrumentDefinition,
  InstrumentMarkV1,
  MarkV1,
  TOPICS,
} from '@clearing/contracts';
import { ObservabilityModule, ReadinessRegistry } from '@clearing/observability';
import {
  DatabaseFixture,
  eventually,
  publishRaw,
  readCommitted,
  uniqueName,
  KafkaFixture,
} from '@clearing/testing';
import { createOracleConfig } from '@clearing/valuation';
import { MIGRATIONS } from '../../../migrations';
import { SERVICE } from './app.module';
import { OracleModule } from './oracle/oracle.module';
import { connectOracleLoops } from './oracle/oracle.transports';

// A fresh underlying per run, so the shared system topics can be read without anyone else's marks.
const U = `IT${randomBytes(4).toString('hex').toUpperCase()}`;
const size = { contractSize: '1', settlementAsset: 'USDC', lotSize: '0.001', tickSize: '0.01' };
const INSTRUMENTS: InstrumentDefinition[] = [
  { symbol: `${U}-PERP`, kind: 'perpetual', underlying: U, ...size },
  {
    symbol: `${U}-25DEC26-110-C`,
    kind: 'option',
    underlying: U,
    expiry: '2026-12-25T08:00:00Z',
    strike: '110',
    optionType: 'call',
    ...size,
  },
];
const at = (seconds: number) => new Date(Date.parse('2026-03-14T09:00:00Z') + seconds * 1000).toISOString();
const quote = (source: string, price: string, seconds: number) => ({
  key: U,
  value: JSON.stringify({
    schemaVersion: 1,
    kind: 'index-quote',
    source,
    eventTime: at(seconds),
    underlying: U,
    price,
  }),
});

/** Three good feeds, one price sent as a JSON number (DLQ), one quote two minutes stale, one vol point. */
const INPUTS = [
  quote('coinbase', '100.5', 0),
  quote('binance', '100.7', 1),
  quote('kraken', '100.6', 2),
  {
    key: U,
    value: `{"schemaVersion":1,"kind":"index-quote","source":"bad","eventTime":"${at(3)}","underlying":"${U}","price":100}`,
  },
  quote('kraken', '90', -120),
  {
    key: U,
    value: JSON.stringify({
      schemaVersion: 1,
      kind: 'implied-vol',
      source: 'deribit',
      eventTime: at(3),
      underlying: U,
      expiry: '2026-12-25T08:00:00Z',
      strike: '100',
      iv: '0.6',
    }),
  },
];

/** The oracle's module and both loops, on this test's schema and consumer groups. */
async function startOracle(dataSource: DataSource): Promise<INestApplication> {
  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class TestDatabaseModule {}
  @Module({
    imports: [
      ClearingConfigModule.forRoot(SERVICE),
      ObservabilityModule.forRoot(),
      TestDatabaseModule,
      OracleModule.forRoot({ config: createOracleConfig(INSTRUMENTS) }),
    ],
  })
  class TestAppModule {}
  const app = await NestFactory.create(TestAppModule, { logger: false });
  connectOracleLoops(app, `${uniqueName('it')}.`);
  await app.init();
  await app.startAllMicroservices();
  return app;
}

describe('valuation-oracle through Kafka and Postgres', () => {
  const kafka = new KafkaFixture();
  const database = new DatabaseFixture(MIGRATIONS);
  let app: INestApplication | undefined;
  after(async () => {
    await app?.close();
    await kafka.close();
    await database.close();
  });

  it('given quotes from three feeds (one malformed, one stale) and a vol point, then marks are published and projected', async () => {
    const dataSource = await database.open();
    app = await startOracle(dataSource);

    await publishRaw(kafka.kafka, TOPICS.oraclePrices, INPUTS);

    const mine = async () =>
      (await readCommitted(kafka.kafka, TOPICS.marks))
        .filter((m) => m.key?.toString().includes(U))
        .map((m) => JSON.parse(m.value!.toString()) as MarkV1);
    const marks = await eventually(
      async () => {
        const all = await mine();
        const option = all.find(
          (m) => m.kind === 'instrument' && m.instrument.endsWith('-C'),
        ) as InstrumentMarkV1;
        return option?.option ? all : undefined;
      },
      90_000,
      1_000,
    );

    const index = marks.filter((m): m is IndexMarkV1 => m.kind === 'index').at(-1)!;
    assert.deepEqual([index.status, index.price, index.confidence.sourcesUsed], ['valid', '100.6', 3]);
    const perp = marks
      .filter((m): m is InstrumentMarkV1 => m.kind === 'instrument' && m.instrumentKind === 'perpetual')
      .at(-1)!;
    assert.equal(perp.markPrice, '100.6');
    assert.equal(perp.risk!.pnl.length, 35);
    const call = marks
      .filter((m): m is InstrumentMarkV1 => m.kind === 'instrument' && m.instrumentKind === 'option')
      .at(-1)!;
    assert.equal(call.option!.vol, '0.6');
    assert.ok(call.option!.greeks.delta > 0 && call.option!.greeks.delta < 1);

    const deadLetters = (await readCommitted(kafka.kafka, dlqTopicOf(TOPICS.oraclePrices))).filter(
      (m) => m.key?.toString() === U,
    );
    assert.equal(deadLetters.length, 1, 'the price sent as a JSON number');
    assert.match(deadLetters[0].headers!['dlq.reason']!.toString(), /\/price must be string/);

    const rows = await eventually(
      async () => {
        const found: { mark_key: string; status: string; price: string }[] = await dataSource.query(
          'SELECT mark_key, status, price::text AS price FROM mark_latest WHERE mark_key LIKE $1 ORDER BY mark_key',
          [`%${U}%`],
        );
        return found.length === 3 ? found : undefined;
      },
      60_000,
      500,
    );
    assert.deepEqual(
      rows.map((r) => r.mark_key),
      [`${U}-25DEC26-110-C`, `${U}-PERP`, `index:${U}`],
    );
    assert.equal(rows[1].price, '100.6');
    assert.ok(rows.every((r) => r.status === 'valid'));

    const readiness = await app.get(ReadinessRegistry).evaluate();
    assert.ok(readiness.filter((r) => r.name.startsWith('kafka-')).every((r) => r.up));
  });
});
