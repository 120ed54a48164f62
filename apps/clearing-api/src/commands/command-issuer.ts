import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Principal, seesEveryAccount } from '@clearing/access';
import {
  CommandBody,
  CommandPublisher,
  CommandSigner,
  InvalidCommandError,
  prepareCommand,
  UnsignedCommand,
} from '@clearing/kafka';
import { CommandOutcome, commandOutcome } from '@clearing/persistence';
import { AccountAccess } from '../auth/account-access';
import { attributionOf } from './attribution';

export const API_COMMAND_SIGNER = Symbol('API_COMMAND_SIGNER');

/** The 202 answer of a write: the command id, what is known of it now, where to poll. */
export interface CommandReceipt {
  readonly commandId: string;
  readonly status: CommandOutcome['status'];
  readonly statusUrl: string;
  readonly outcome?: CommandOutcome;
}

/**
 * Turns an API write into a journaled command: attributed to the key, signed as the operator path
 * (`admin` issuer), schema-checked, published. A key that was already decided is answered from the
 * ledger's record without sending anything again (a client retrying after a lost answer).
 */
@Injectable()
export class CommandIssuer implements OnApplicationShutdown {
  private readonly publisher: CommandPublisher;

  constructor(
    kafka: Kafka,
    private readonly db: DataSource,
    private readonly access: AccountAccess,
    @Inject(API_COMMAND_SIGNER) private readonly signer: CommandSigner,
  ) {
    this.publisher = new CommandPublisher(kafka);
  }

  async issue(commandId: string, principal: Principal, body: CommandBody): Promise<CommandReceipt> {
    const decided = await commandOutcome(this.db, commandId);
    if (decided.status !== 'pending') return receiptOf(decided);
    const at = new Date().toISOString();
    const unsigned = { ...body, schemaVersion: 1, commandId, issuedAt: at } as UnsignedCommand;
    try {
      await this.publisher.publish([prepareCommand(unsigned, attributionOf(principal, at), this.signer)]);
    } catch (error) {
      if (error instanceof InvalidCommandError) throw new BadRequestException(error.message);
      throw error;
    }
    return receiptOf({ status: 'pending', commandId });
  }

  /** What became of a command; an account key sees only its own accounts' commands (404 otherwise). */
  async outcome(commandId: string, principal: Principal): Promise<CommandReceipt> {
    const outcome = await commandOutcome(this.db, commandId);
    if (outcome.status !== 'pending' && !seesEveryAccount(principal))
      await this.access.assertMayAccess(principal, outcome.account).catch(() => {
        throw new NotFoundException(`no command ${commandId}`);
      });
    return receiptOf(outcome);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
  }
}

function receiptOf(outcome: CommandOutcome): CommandReceipt {
  const { commandId, status } = outcome;
  const statusUrl = `/v1/commands/${encodeURIComponent(commandId)}`;
  return status === 'pending' ? { commandId, status, statusUrl } : { commandId, status, statusUrl, outcome };
}
