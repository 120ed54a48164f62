import { Command } from 'commander';

/**
 * One `clearing <name>` sub-command that parses its own arguments. The commands written before the CLI
 * moved to commander keep this shape (their specs call `run` directly); `addCliCommand` registers one on
 * the commander program, so a new CliCommand (e.g. `keys`) needs one line in commands/index.ts.
 * New commands are declared with commander directly (accounts, deposit).
 */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** Sets the process exit code a sub-command resolved to (commander's own errors exit through it too). */
export type ExitCodeSink = (code: number) => void;

/**
 * The adapter: `clearing help` lists the command with the synopsis from its usage's first line, and
 * `clearing help <name>` / `clearing <name> --help` print its whole usage; every argument after the name
 * is handed to `run` untouched, in order.
 */
export function addCliCommand(program: Command, command: CliCommand, exit: ExitCodeSink): void {
  program
    .command(command.name)
    .description(command.summary)
    .usage(synopsisOf(command))
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    .configureHelp({ formatHelp: () => `${command.usage}\n` })
    .action(async (_args: string[], _options: object, self: Command) => {
      if (self.args.includes('--help')) {
        process.stdout.write(`${command.usage}\n`);
        return exit(0);
      }
      exit(await command.run(self.args));
    });
}

function synopsisOf(command: CliCommand): string {
  const first = command.usage.split('\n')[0];
  const prefix = `usage: clearing ${command.name}`;
  return first.startsWith(prefix) ? first.slice(prefix.length).trim() : '';
}

/** Reads `--flag value` and bare `--switch` arguments into a map; positional words are kept in order. */
export function parseArgs(args: readonly string[]): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    const next = args[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) flags.set(name, args[++i]);
    else flags.set(name, 'true');
  }
  return { flags, positional };
}
