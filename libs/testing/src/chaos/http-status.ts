/** The HTTP status of a GET, or 0 when nothing answered within `timeoutMs` (refused, reset, timed out). */
export async function httpStatus(url: string, timeoutMs: number): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

/** Polls until every URL answers 200, or fails naming the ones that did not within `timeoutMs`. */
export async function awaitAllOk(urls: readonly string[], timeoutMs: number, everyMs = 1_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failing: string[] = [...urls];
  while (Date.now() < deadline) {
    const statuses = await Promise.all(failing.map((url) => httpStatus(url, 2_000)));
    failing = failing.filter((_, i) => statuses[i] !== 200);
    if (failing.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`not 200 within ${timeoutMs} ms: ${failing.join(', ')}`);
}
