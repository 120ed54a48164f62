/** Where progress goes: only the parts of a stream this needs, so a spec can pass a fake. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const BAR_WIDTH = 30;
const REDRAW_EVERY_MS = 100;
const LINE_STEP_PERCENT = 10;

/**
 * A progress bar redrawn in place on a terminal; on a pipe or log file (CI, kubectl logs) a plain line
 * every 10% instead, since carriage returns there would only pile up.
 */
export function progressReporter(label: string, stream: ProgressStream = process.stderr): Progress {
  let lastDrawMs = 0;
  let lastStep = -1;
  let drawn = false;
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDrawMs < REDRAW_EVERY_MS && done < total) return;
        lastDrawMs = now;
        const filled = Math.round((percent / 100) * BAR_WIDTH);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}% ${done}/${total}`,
        );
        drawn = true;
        return;
      }
      const step = Math.floor(percent / LINE_STEP_PERCENT);
      if (step === lastStep) return;
      lastStep = step;
      stream.write(`${label}: ${percent}% (${done}/${total})\n`);
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
