import { Message, Producer } from 'kafkajs';

/** How often the publisher wakes to send what has fallen due: 5 ms, i.e. one fill per send at 200/s. */
const TICK_MS = 5;

export interface SteadyLoad {
  /** Per message: wall clock of the send that carried it. */
  readonly publishedAtMs: number[];
  readonly startedAtMs: number;
  /** Broker acknowledgement of the last send. */
  readonly lastAckAtMs: number;
  /** The most any message went out after its scheduled time: the publisher keeping up or not. */
  readonly maxBehindScheduleMs: number;
}

/**
 * Publishes `messages` at `perSecond` the way a matching engine emits fills: message i falls due at
 * i / perSecond after the start, and each wake-up sends everything due in one acks=-1 request. Sends are
 * awaited one after the other (order matters to the engine), so a slow acknowledgement delays the next
 * fills; maxBehindScheduleMs shows whether that happened.
 */
export async function publishSteadily(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
  perSecond: number,
): Promise<SteadyLoad> {
  const publishedAtMs = new Array<number>(messages.length);
  const startedAtMs = Date.now();
  const dueAt = (i: number) => startedAtMs + (i * 1000) / perSecond;
  let maxBehindScheduleMs = 0;
  for (let next = 0; next < messages.length; await sleep(TICK_MS)) {
    const sentAtMs = Date.now();
    const due = Math.min(messages.length, Math.floor(((sentAtMs - startedAtMs) * perSecond) / 1000) + 1);
    if (due <= next) continue;
    publishedAtMs.fill(sentAtMs, next, due);
    maxBehindScheduleMs = Math.max(maxBehindScheduleMs, sentAtMs - dueAt(next));
    await producer.send({ topic, acks: -1, messages: messages.slice(next, due) });
    next = due;
  }
  return { publishedAtMs, startedAtMs, lastAckAtMs: Date.now(), maxBehindScheduleMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
