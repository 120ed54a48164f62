import { Command, CommanderError } from 'commander';
import { addCliCommand, ExitCodeSink } from './command';
import { COMMANDS } from './commands';
import { addAccountsCommand } from './commands/accounts';
import { addDepositCommand } from './commands/deposit';

/**
 * The `clearing` program on commander: `clearing help` lists every command with its synopsis,
 * `clearing help <command>` shows its options. Commander's own errors (unknown command, missing
 * argument) exit 2, as usage errors always have here.
 */
export function buildProgram(exit: ExitCodeSink): Command {
  const program = new Command('clearing')
    .description('operate the clearing system: infra, database, demo, ledger commands, checks')
    .usage('<command> [options]')
    .helpCommand('help [command]', 'list every command, or show one command with its options')
    .showHelpAfterError('(clearing help lists every command)')
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trimEnd() })
    .exitOverride();
  for (const command of COMMANDS) addCliCommand(program, command, exit);
  addAccountsCommand(program, exit);
  addDepositCommand(program, exit);
  return program;
}

/** Runs the program on `argv` (without node and the script); resolves to the exit code. */
export async function runProgram(argv: readonly string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? 0 : 2;
  }
  return code;
}
