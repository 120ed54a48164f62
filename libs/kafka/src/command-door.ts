import { Kafka, Producer } from 'kafkajs';
import { AttributionV1, LedgerCommandV1, TOPICS, validateMessage } from '@clearing/contracts';
import { commandContentHash, JsonObject, signCommand } from '@clearing/ledger';

/** A ledger command as a door (the clearing API, the CLI) fills it in: no attribution, no signature yet. */
export type UnsignedCommand = DistributiveOmit<LedgerCommandV1, 'signature' | 'attribution'>;

/** What a caller chooses of a command; the door adds the envelope (schema version, id, time). */
export type CommandBody = DistributiveOmit<UnsignedCommand, 'schemaVersion' | 'commandId' | 'issuedAt'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Signed and attributed, with the content hash the journal writer will record for its id. */
export interface PreparedCommand {
  readonly command: LedgerCommandV1;
  /** SHA-256 of the canonical command: `commandOutcome` tells a re-send from a conflict with it. */
  readonly commandHash: string;
}

/** Who signs: the issuer's name and key (libs/config `signingKeyFromEnv`). */
export interface CommandSigner {
  readonly issuer: string;
  readonly key: string;
}

/** Commands per send: a signed command is ~0.5 kB, so a chunk stays far below the broker's 1 MB batch limit. */
const SEND_CHUNK = 500;

/** A command the contract refuses: the door answers 4xx with `reason`, nothing is published. */
export class InvalidCommandError extends Error {
  override readonly name = 'InvalidCommandError';
}

/**
 * Attributes, signs and schema-checks a command. The attribution is inside the signed content, so a
 * journaled "who, when, which key" cannot be altered without the signature failing.
 */
export function prepareCommand(
  unsigned: UnsignedCommand,
  attribution: AttributionV1,
  signer: CommandSigner,
): PreparedCommand {
  const command = signCommand({ ...unsigned, attribution }, signer.issuer, signer.key);
  const checked = validateMessage(TOPICS.ledgerCommands, command);
  if (!checked.ok) throw new InvalidCommandError(`${unsigned.type} ${unsigned.commandId}: ${checked.reason}`);
  return { command: checked.value, commandHash: commandContentHash(command as unknown as JsonObject) };
}

/**
 * Publishes prepared commands with an idempotent producer (acks all), keyed by account as every producer
 * of ledger.commands.v1 does; the writer forwards any that land off their owner's partition. Sending the
 * same prepared command again is safe: the writer dead-letters the re-send as `duplicate`.
 */
export class CommandPublisher {
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string = TOPICS.ledgerCommands,
  ) {}

  async publish(commands: readonly PreparedCommand[]): Promise<void> {
    if (commands.length === 0) return;
    this.producer ??= this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    for (let start = 0; start < commands.length; start += SEND_CHUNK) {
      const chunk = commands.slice(start, start + SEND_CHUNK);
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: chunk.map(({ command }) => ({ key: command.account, value: JSON.stringify(command) })),
      });
    }
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}
