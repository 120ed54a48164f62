// Test support (not part of the service): a front end's EventSource, reduced to what tests assert on.
import { eventually } from '@clearing/testing';

export interface ServerSentEvent {
  readonly event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are asserted field by field
  readonly data: any;
}

/** Reads a text/event-stream in the background and keeps every event; `close()` hangs up. */
export class SseReader {
  readonly events: ServerSentEvent[] = [];
  status = 0;
  private readonly abort = new AbortController();
  private buffer = '';

  constructor(url: string, headers: Record<string, string>) {
    void this.read(url, headers).catch(() => undefined); // ends on close() or when the server hangs up
  }

  /** The first event (since the start) satisfying `wanted`. */
  next(wanted: (event: ServerSentEvent) => boolean, timeoutMs = 60_000): Promise<ServerSentEvent> {
    return eventually(async () => this.events.find(wanted), timeoutMs, 100);
  }

  close(): void {
    this.abort.abort();
  }

  private async read(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, { headers, signal: this.abort.signal });
    this.status = response.status;
    const decoder = new TextDecoder();
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      this.buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        this.parse(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
      }
    }
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length > 0) this.events.push({ event, data: JSON.parse(data.join('\n')) });
  }
}
