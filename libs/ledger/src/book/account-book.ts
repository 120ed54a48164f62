import { formatAmount, parseAmount } from '../amount';
import { JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { LedgerInvariantError } from '../balances';
import { FLAT, PositionState } from './position';
import { InstrumentTerms } from './terms';

export interface HeldPosition extends PositionState {
  readonly terms: InstrumentTerms;
}

/**
 * One account as its partition's single writer sees it: a fold of that account's journal events.
 * Mutable on purpose (one owner, hot path), but deterministic: a new book fed the same events in the
 * same order ends identical, which is what restore-on-assignment and `clearing verify` rely on.
 */
export class AccountBook {
  sequence = 0;
  readonly balances = new Map<string, bigint>();
  readonly positions = new Map<string, HeldPosition>();
  /** `fillId:side` -> fill hash: a leg is booked once; the same id with another hash is a conflict. */
  readonly bookedFills = new Map<string, string>();
  /**
   * Command ids of deleveraging steps (liquidation transfers, ADL, insurance draws) already decided, booked
   * or refused: the engine re-sends a step with the same id after a crash, and the ledger books it once.
   */
  readonly decidedSteps = new Set<string>();
  /**
   * Every command id this account's events were caused by (booked or refused), with the command's content
   * hash ('' for events journaled before hashes existed): a command id is decided at most once, ever.
   */
  readonly decidedCommands = new Map<string, string>();
  /**
   * Instrument -> event time the open position was opened (from flat, or flipped to the other side):
   * funding for a period is owed only by a position held at its funding time, not by one opened later.
   */
  readonly positionOpenedAt = new Map<string, string>();
  /** From AccountOpened/Suspended/Closed events; undefined for an account never opened by command. */
  status?: AccountStatus;

  constructor(readonly account: string) {}

  balance(asset: string): bigint {
    return this.balances.get(asset) ?? 0n;
  }

  position(instrument: string): PositionState {
    return this.positions.get(instrument) ?? FLAT;
  }

  /**
   * Whether cash leaving could leave the account short of margin, so a withdrawal needs the margin
   * calculator's approval: it holds an open position or owes something (a negative balance).
   */
  carriesRisk(): boolean {
    for (const held of this.positions.values()) if (held.quantity !== 0n) return true;
    for (const amount of this.balances.values()) if (amount < 0n) return true;
    return false;
  }

  /** Evolve: applies one of this account's events; a sequence out of order is a broken ledger. */
  apply(event: JournalEvent): void {
    if (event.account !== this.account)
      throw new LedgerInvariantError(`event ${event.id} is not for ${this.account}`);
    if (event.sequence !== this.sequence + 1) {
      throw new LedgerInvariantError(
        `account ${this.account}: sequence ${event.sequence} after ${this.sequence}`,
      );
    }
    this.sequence = event.sequence;
    for (const posting of event.postings) {
      if (posting.account !== this.account) continue;
      const next = this.balance(posting.asset) + posting.amount;
      if (next === 0n) this.balances.delete(posting.asset);
      else this.balances.set(posting.asset, next);
    }
    const { fill, position } = event.payload as {
      fill?: { key: string; hash: string };
      position?: JsonObject;
    };
    if (fill) this.bookedFills.set(fill.key, fill.hash);
    if (event.causationId !== undefined && !this.decidedCommands.has(event.causationId))
      this.decidedCommands.set(event.causationId, event.commandHash ?? '');
    if (isDeleveragingStep(event) && event.causationId !== undefined)
      this.decidedSteps.add(event.causationId);
    if (position)
      this.setPosition(decidedPositions.get(event) ?? positionFromPayload(position), event.occurredAt);
    this.status = ACCOUNT_STATUS_AFTER[event.type] ?? this.status;
  }

  /** Whether anything is left on the account: an open position or a non-zero balance. */
  holdings(): string[] {
    const open = [...this.positions.values()].filter((held) => held.quantity !== 0n);
    return [
      ...open.map((held) => `an open position in ${held.terms.instrument}`),
      // Contract units are balances too (postings in the instrument): already named as the position.
      ...[...this.balances.keys()]
        .filter((asset) => !this.positions.has(asset))
        .map((asset) => `a balance of ${asset}`),
    ];
  }

  /** A flat position is kept while it carries realized P&L, so that figure stays a lifetime total. */
  private setPosition(held: HeldPosition, occurredAt: string): void {
    const { instrument } = held.terms;
    const before = this.positions.get(instrument)?.quantity ?? 0n;
    if (held.quantity === 0n) this.positionOpenedAt.delete(instrument);
    else if (before === 0n || before > 0n !== held.quantity > 0n)
      this.positionOpenedAt.set(instrument, occurredAt);
    if (held.quantity === 0n && held.cost === 0n && held.realizedPnl === 0n)
      this.positions.delete(held.terms.instrument);
    else this.positions.set(held.terms.instrument, held);
  }
}

export type AccountStatus = 'active' | 'suspended' | 'closed';

/** The journal events that set an account's status (decide-account.ts). */
const ACCOUNT_STATUS_AFTER: Readonly<Record<string, AccountStatus>> = {
  AccountOpened: 'active',
  AccountSuspended: 'suspended',
  AccountClosed: 'closed',
};

/** The commands of a liquidation case, whose events carry the case id (or, refused, the command type). */
export const DELEVERAGING_STEP_COMMANDS: ReadonlySet<string> = new Set([
  'LiquidationTransfer',
  'AutoDeleverage',
  'InsuranceFundDraw',
  'SocializeLoss',
]);

function isDeleveragingStep(event: JournalEvent): boolean {
  const payload = event.payload as { caseId?: unknown; commandType?: unknown };
  return payload.caseId !== undefined || DELEVERAGING_STEP_COMMANDS.has(String(payload.commandType));
}

/**
 * The exact position after each trade event this process decided: apply reads it here instead of parsing
 * back the payload it just formatted (issue 15). Weak, and only a shortcut: events read from the journal
 * are not in it and are parsed, to the same values.
 */
const decidedPositions = new WeakMap<JournalEvent, HeldPosition>();

/** Remembers the position `event` (decided here, not yet applied) leaves the account with. */
export function rememberDecidedPosition(event: JournalEvent, position: HeldPosition): void {
  decidedPositions.set(event, position);
}

/** A position as journaled: decimal strings at the scales the terms imply, terms included. */
export function positionPayload(terms: InstrumentTerms, position: PositionState): JsonObject {
  return {
    terms: termsPayload(terms),
    quantity: formatAmount(position.quantity, terms.positionScale),
    cost: formatAmount(position.cost, costScale(terms)),
    realizedPnl: formatAmount(position.realizedPnl, terms.settlementScale),
  };
}

function positionFromPayload(payload: JsonObject): HeldPosition {
  const terms = termsFromPayload(payload.terms as JsonObject);
  return {
    terms,
    quantity: parseAmount(payload.quantity as string, terms.positionScale),
    cost: parseAmount(payload.cost as string, costScale(terms)),
    realizedPnl: parseAmount(payload.realizedPnl as string, terms.settlementScale),
  };
}

export function costScale(terms: InstrumentTerms): number {
  return terms.positionScale + terms.settlementScale + terms.contractSize.scale;
}

export function termsPayload(terms: InstrumentTerms): JsonObject {
  return {
    instrument: terms.instrument,
    kind: terms.kind,
    ...(terms.baseAsset ? { baseAsset: terms.baseAsset } : {}),
    settlementAsset: terms.settlementAsset,
    settlementScale: terms.settlementScale,
    positionScale: terms.positionScale,
    contractSize: formatAmount(terms.contractSize.minor, terms.contractSize.scale),
    contractSizeScale: terms.contractSize.scale,
    ...(terms.expiry ? { expiry: terms.expiry } : {}),
    ...(terms.strike !== undefined ? { strike: formatAmount(terms.strike, terms.settlementScale) } : {}),
    ...(terms.optionType ? { optionType: terms.optionType } : {}),
  };
}

export function termsFromPayload(json: JsonObject): InstrumentTerms {
  const settlementScale = json.settlementScale as number;
  const contractSizeScale = json.contractSizeScale as number;
  return {
    instrument: json.instrument as string,
    kind: json.kind as InstrumentTerms['kind'],
    ...(json.baseAsset ? { baseAsset: json.baseAsset as string } : {}),
    settlementAsset: json.settlementAsset as string,
    settlementScale,
    positionScale: json.positionScale as number,
    contractSize: {
      minor: parseAmount(json.contractSize as string, contractSizeScale),
      scale: contractSizeScale,
    },
    ...(json.expiry ? { expiry: json.expiry as string } : {}),
    ...(json.strike !== undefined ? { strike: parseAmount(json.strike as string, settlementScale) } : {}),
    ...(json.optionType ? { optionType: json.optionType as 'call' | 'put' } : {}),
  };
}
