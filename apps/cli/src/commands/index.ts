import { CliCommand } from '../command';

/** Every sub-command, in the order `clearing help` lists them. */
export const COMMANDS: readonly CliCommand[] = [];
