import { Command } from 'commander';
import { ExitCodeSink } from '../command';
import { DoorOptions, issueFromCli, withDoorOptions } from './ledger-door';

/** `clearing deposit <account> <amount>`: a journaled Deposit, attributed to the operator (`via: cli`). */
export function addDepositCommand(program: Command, exit: ExitCodeSink): void {
  withDoorOptions(
    program
      .command('deposit <account> <amount>')
      .description('book collateral arriving for an account (amount as a decimal string)')
      .usage('<account> <amount> [--asset USDC] [--external-ref REF] [--command-id ID] [--wait]')
      .option('--asset <code>', 'asset deposited', 'USDC')
      .option('--external-ref <ref>', 'custody or chain reference, e.g. a transaction hash'),
  ).action(
    (account: string, amount: string, options: DoorOptions & { asset: string; externalRef?: string }) =>
      issueFromCli(
        {
          type: 'Deposit',
          account,
          asset: options.asset,
          amount,
          ...(options.externalRef ? { externalRef: options.externalRef } : {}),
        },
        options,
        exit,
      ),
  );
}
