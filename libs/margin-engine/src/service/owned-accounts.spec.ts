import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kafka } from 'kafkajs';
import { JournalCodec } from '@clearing/ledger';
import { engine } from '../engine-fixtures';
import { marginSettingsFromEnv } from './margin.settings';
import { OwnedAccounts } from './owned-accounts';

// Found by the deleveraging e2e spec under load (issue 16): the group re-joined while the journal restore
// was running and handed the same partitions again; the restore then finished for an assignment that was
// no longer `this.owned`'s Set and the instance never served them (ADL waited for ever).

/** A broker whose (empty) journal answers only once `open` is called: a restore in flight until then. */
function slowEmptyBroker(): { kafka: Kafka; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const admin = {
    connect: () => opened,
    disconnect: () => Promise.resolve(),
    fetchTopicOffsets: () =>
      Promise.resolve([0, 1].map((partition) => ({ partition, offset: '0', low: '0', high: '0' }))),
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, open };
}

describe('owned journal partitions', () => {
  it('given the same partitions assigned again while their restore runs, when it ends, then they are served', async () => {
    const { kafka, open } = slowEmptyBroker();
    const owned = new OwnedAccounts(kafka, new JournalCodec(), engine(), marginSettingsFromEnv({}));
    owned.reassign([0, 1]);
    owned.reassign([0, 1]);
    open();
    await owned.restored();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(owned.servedPartitions(), [0, 1]);
  });

  it('given a partition taken away while the restore runs, then only the ones still owned are served', async () => {
    const { kafka, open } = slowEmptyBroker();
    const owned = new OwnedAccounts(kafka, new JournalCodec(), engine(), marginSettingsFromEnv({}));
    owned.reassign([0, 1]);
    owned.reassign([1]);
    open();
    await owned.restored();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(owned.servedPartitions(), [1]);
  });

  it('given a partition taken away and assigned again while its first restore runs, then it is served after the second', async () => {
    const { kafka, open } = slowEmptyBroker();
    const owned = new OwnedAccounts(kafka, new JournalCodec(), engine(), marginSettingsFromEnv({}));
    owned.reassign([0, 1]);
    owned.reassign([1]);
    owned.reassign([0, 1]);
    open();
    await owned.restored();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(owned.servedPartitions(), [0, 1]);
  });
});
