import { PPM } from '../close/exact-position';

/** Per-account pacing of partial liquidation rounds (all times are event times, ms). */
export interface ThrottleParams {
  /** Most of each position one round may close at level 0, ppm. */
  readonly baseFractionPpm: bigint;
  readonly baseCooldownMs: number;
  /** Each level multiplies the fraction and divides the cooldown by this. */
  readonly escalation: bigint;
  readonly minCooldownMs: number;
}

export interface ThrottleState {
  /** Rounds in a row after which the account's health kept falling. */
  readonly level: number;
  readonly lastRoundAtMs?: number;
  /** The health ratio the last round's plan left the account at. */
  readonly plannedHealth?: number;
}

export interface RoundGate {
  readonly due: boolean;
  readonly fractionPpm: bigint;
  readonly cooldownMs: number;
  readonly level: number;
}

/**
 * Whether a round may run now. When the account's health is below what the last round left it at,
 * the price kept moving against it: escalate (a larger fraction, a shorter cooldown), so a falling
 * market cannot outrun the liquidation. A recovering account keeps its level: no see-saw.
 */
export function roundGate(
  state: ThrottleState,
  nowMs: number,
  health: number,
  params: ThrottleParams,
): RoundGate {
  const worsened = state.plannedHealth !== undefined && health < state.plannedHealth;
  const level = worsened ? state.level + 1 : state.level;
  const factor = params.escalation ** BigInt(level);
  const fractionPpm = min(params.baseFractionPpm * factor, PPM);
  const cooldownMs = Math.max(params.minCooldownMs, Math.floor(params.baseCooldownMs / Number(factor)));
  const due = state.lastRoundAtMs === undefined || nowMs - state.lastRoundAtMs >= cooldownMs;
  return { due, fractionPpm, cooldownMs, level };
}

export function afterRound(gate: RoundGate, nowMs: number, plannedHealth: number): ThrottleState {
  return { level: gate.level, lastRoundAtMs: nowMs, plannedHealth };
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
