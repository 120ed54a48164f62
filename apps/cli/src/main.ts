import { CliCommand } from './command';
import { COMMANDS } from './commands';

function usage(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return ['usage: clearing <command> [options]', '', 'commands:', ...lines].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${name ? `unknown command: ${name}\n` : ''}${usage(COMMANDS)}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  if (rest.includes('--help')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`clearing: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
