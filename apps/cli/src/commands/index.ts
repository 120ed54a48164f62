import { CliCommand } from '../command';
import { dbCommand } from './db';
import { demoCommand } from './demo';
import { infraCommand } from './infra';
import { keysCommand } from './keys';
import { priceCommand } from './price';
import { replayCommand } from './replay';
import { startCommand } from './start';
import { topicsCommand } from './topics';
import { verifyCommand } from './verify';

/** Every sub-command, in the order `clearing help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  infraCommand,
  dbCommand,
  topicsCommand,
  startCommand,
  demoCommand,
  priceCommand,
  verifyCommand,
  replayCommand,
  keysCommand,
];
