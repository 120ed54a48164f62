/** One sample of a Prometheus text exposition: `name{label="value",...} value`. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the text format every service serves at /metrics (comments skipped). */
export function parseExposition(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = SAMPLE_LINE.exec(line);
    if (!match || line.startsWith('#')) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map((l) => [l[1], l[2]]));
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

/** The samples of every service (a service that does not answer contributes none). */
export async function scrapeAll(urls: readonly string[]): Promise<Sample[]> {
  const texts = await Promise.all(
    urls.map((url) =>
      fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) })
        .then((r) => r.text())
        .catch(() => ''),
    ),
  );
  return texts.flatMap(parseExposition);
}

/** Sum of a metric over every service, optionally only samples whose labels match `where`. */
export function total(samples: readonly Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** Sum of a metric per value of one label (e.g. dead-lettered messages by reason). */
export function byLabel(samples: readonly Sample[], name: string, label: string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const s of samples.filter((x) => x.name === name && x.labels[label] !== undefined))
    sums[s.labels[label]] = (sums[s.labels[label]] ?? 0) + s.value;
  return sums;
}

/** Only the entries that counted something (a reason seen at least once). */
export function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0));
}

/**
 * The q-quantile of a histogram summed over every service, interpolated linearly inside the bucket as
 * Prometheus' histogram_quantile does; undefined with no observations.
 */
export function histogramQuantile(
  samples: readonly Sample[],
  histogram: string,
  q: number,
): number | undefined {
  const buckets = byLabel(samples, `${histogram}_bucket`, 'le');
  const bounds = Object.keys(buckets)
    .map((le) => ({ le: le === '+Inf' ? Infinity : Number(le), count: buckets[le] }))
    .sort((a, b) => a.le - b.le);
  const count = bounds.at(-1)?.count ?? 0;
  if (count === 0) return undefined;
  const rank = q * count;
  const at = bounds.findIndex((b) => b.count >= rank);
  const upper = bounds[at];
  if (upper.le === Infinity) return bounds[at - 1]?.le;
  const lower = at > 0 ? bounds[at - 1] : { le: 0, count: 0 };
  return lower.le + ((upper.le - lower.le) * (rank - lower.count)) / (upper.count - lower.count || 1);
}
