import { runProgram } from './program';

runProgram(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`clearing: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
