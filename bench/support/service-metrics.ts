/** Samples of one Prometheus text exposition, by metric name plus labels as printed (`name{topic="x"}`). */
export type MetricSamples = Map<string, number>;

/** Scrapes a service's /metrics; the counters tell when each loop has committed what it was given. */
export async function scrapeMetrics(baseUrl: string): Promise<MetricSamples> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`GET ${baseUrl}/metrics answered ${response.status}`);
  const samples: MetricSamples = new Map();
  for (const line of (await response.text()).split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** A counter or histogram part for one topic label, 0 when the series does not exist yet. */
export function perTopic(samples: MetricSamples, name: string, topic: string): number {
  return samples.get(`${name}{topic="${topic}"}`) ?? 0;
}

/** Sum of a series over all its label sets (e.g. dead letters over every reason). */
export function summed(samples: MetricSamples, name: string): number {
  let total = 0;
  for (const [series, value] of samples) if (series === name || series.startsWith(`${name}{`)) total += value;
  return total;
}
