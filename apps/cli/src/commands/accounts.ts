import { Command } from 'commander';
import { ExitCodeSink } from '../command';
import { DoorOptions, issueFromCli, withDoorOptions } from './ledger-door';

/**
 * `clearing accounts open|suspend|close`: onboarding is a journaled command (OpenAccount and friends,
 * docs/contracts.md), the same the clearing API issues; the aggregator's `accounts` table follows the
 * journal. Suspended: new fills refused at intake, withdrawals refused, deposits and liquidation booked.
 */
export function addAccountsCommand(program: Command, exit: ExitCodeSink): void {
  const accounts = program
    .command('accounts')
    .description('open, suspend or close an account (journaled commands, signed as admin)')
    .usage('open|suspend|close <account> [--parent A] [--isolated] [--reason R] [--command-id ID] [--wait]');
  withDoorOptions(
    accounts
      .command('open <account>')
      .description('onboard an account, or a sub-account with --parent')
      .option('--parent <account>', 'open a sub-account of this account')
      .option('--isolated', 'the sub-account is margined on its own collateral (needs --parent)', false),
  ).action((account: string, options: DoorOptions & { parent?: string; isolated: boolean }) =>
    issueFromCli(
      {
        type: 'OpenAccount',
        account,
        ...(options.parent ? { parentAccount: options.parent } : {}),
        ...(options.isolated ? { isolated: true } : {}),
      },
      options,
      exit,
    ),
  );
  withDoorOptions(
    accounts
      .command('suspend <account>')
      .description('suspend an account: fills and withdrawals refused, deposits and liquidation still booked')
      .requiredOption('--reason <text>', 'why, journaled with the suspension'),
  ).action((account: string, options: DoorOptions & { reason: string }) =>
    issueFromCli({ type: 'SuspendAccount', account, reason: options.reason }, options, exit),
  );
  withDoorOptions(
    accounts
      .command('close <account>')
      .description('close an account; refused while it holds a position or any balance'),
  ).action((account: string, options: DoorOptions) =>
    issueFromCli({ type: 'CloseAccount', account }, options, exit),
  );
}
