import fc from 'fast-check';
import { adminOverreach, forgedCommand, WireCommand } from './forged-commands';
import { HostileTopic } from './hostile-topic';
import { Poison, poisonDecimal, poisonTimestamp, wrongType } from './poison';

/** Accounts the valid commands fund and draw on; eight, so they spread over the partitions. */
export const HOSTILE_COMMAND_ACCOUNTS = Array.from({ length: 8 }, (_, n) => `hostile-c${n}`);

/**
 * Valid traffic in pairs: command 2k deposits 100 USDC, command 2k + 1 withdraws 1 USDC of it again from
 * the same account (no position, so no margin approval is needed), keyed by account as producers must.
 */
function validCommand(i: number): { key: string; message: WireCommand } {
  const account = HOSTILE_COMMAND_ACCOUNTS[Math.floor(i / 2) % HOSTILE_COMMAND_ACCOUNTS.length];
  const envelope = {
    schemaVersion: 1,
    commandId: `hostile-cmd-${i}`,
    account,
    issuedAt: '2026-11-24T09:00:00Z',
  };
  const message: WireCommand =
    i % 2 === 0
      ? { ...envelope, type: 'Deposit', asset: 'USDC', amount: '100', externalRef: `tx-${i}` }
      : { ...envelope, type: 'WithdrawalRequest', asset: 'USDC', amount: '1', destination: '0xabc' };
  return { key: account, message };
}

const mutation = (label: string, change: (command: WireCommand) => Partial<WireCommand>) =>
  fc.constant(
    (command: WireCommand): Poison<WireCommand> => ({ label, value: { ...command, ...change(command) } }),
  );
/** Replaces the whole command (a merge would keep fields of the other type, and be refused for them). */
const replaced = (label: string, make: (command: WireCommand) => WireCommand) =>
  fc.constant((command: WireCommand): Poison<WireCommand> => ({ label, value: make(command) }));
const deposit = (command: WireCommand, account: string, amount: string, asset = 'USDC'): WireCommand => {
  const { schemaVersion, commandId, issuedAt } = command;
  return { schemaVersion, commandId, account, issuedAt, type: 'Deposit', asset, amount };
};

const withdrawal = (command: WireCommand, account: string, amount: string): WireCommand => ({
  ...deposit(command, account, amount),
  type: 'WithdrawalRequest',
});

/** Schema-valid commands the writer must still refuse: system accounts, unknown accounts and assets, limits. */
const domain = fc.oneof(
  fc.constantFrom('CCP-0', 'EXTERNAL-1', 'FEES-2').map((system) => (c: WireCommand) => ({
    label: 'deposit-to-system-account',
    value: deposit(c, system, '100'),
  })),
  replaced('unsigned-deposit-to-backstop', (c) => deposit(c, 'BACKSTOP', '100')),
  replaced('withdrawal-from-unknown-account', (c) => withdrawal(c, `nobody-${c.commandId}`, '1')),
  replaced('withdrawal-above-balance', (c) => withdrawal(c, c.account, '999999999')),
  replaced('deposit-above-limit', (c) => deposit(c, c.account, '10000000001')),
  replaced('deposit-zero', (c) => deposit(c, c.account, '0')),
  replaced('deposit-finer-than-asset', (c) => deposit(c, c.account, '1.0000001')),
  replaced('deposit-unknown-asset', (c) => deposit(c, c.account, '1', 'NOPE')),
  mutation('unknown-type', () => ({ type: 'MintMoney' })),
  mutation('unknown-field', () => ({ note: 'x' })),
  // Weighted up: forgery is what issue 11 found the writer obeying, and it has many shapes.
  { weight: 8, arbitrary: forgedCommand },
  { weight: 2, arbitrary: adminOverreach },
);

export const HOSTILE_COMMANDS: HostileTopic<WireCommand> = {
  valid: validCommand,
  keyOf: (command) => command.account,
  conflicting: (command) => ({ ...command, amount: '2' }),
  fields: {
    amount: poisonDecimal,
    issuedAt: poisonTimestamp,
    schemaVersion: fc.constantFrom({ label: 'next-version', value: 2 }, { label: 'as-string', value: '1' }),
    commandId: fc.oneof(wrongType, fc.constant({ label: 'overlong-id', value: 'x'.repeat(500) })),
    account: fc.oneof(wrongType, fc.constant({ label: 'bad-account-id', value: 'alice; DROP TABLE' })),
    type: wrongType,
  },
  domain,
};
