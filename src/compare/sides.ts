/** Per-side summaries of a comparison: run totals, usage, latency percentiles, the first error. */
import type { LatencyStats, Results, SideSummary, Usage } from '../types.ts';
import type { Prepared, SideScan } from './prepare.ts';

/** How much of a first error's message a comparison keeps (reports cut it further). */
const ERROR_MAX = 2000;

export function sideSummary(r: Results, sc: SideScan, p: Prepared, path?: string): SideSummary {
  const out: SideSummary = { counts: sc.counts, usage: usageOf(r, sc) };
  const latency = latencyOf(sc.latencies);
  if (latency) out.latency_ms = latency;
  if (sc.firstError) {
    const e = sc.firstError;
    out.first_error = {
      case: p.ids[e.i],
      trial: e.trial,
      kind: e.kind,
      message: e.message.length > ERROR_MAX ? `${e.message.slice(0, ERROR_MAX)}…` : e.message,
    };
  }
  const ju = r.meta?.judge_usage;
  if (ju && [ju.input_tokens, ju.output_tokens, ju.cost_usd].every(Number.isFinite))
    out.judge_usage = {
      input_tokens: ju.input_tokens,
      output_tokens: ju.output_tokens,
      cost_usd: ju.cost_usd,
    };
  const retries = r.meta?.retries;
  if (typeof retries === 'number' && Number.isFinite(retries) && retries > 0) out.retries = retries;
  if (r.meta?.git?.sha) out.sha = r.meta.git.sha;
  if (r.meta?.git?.ref) out.ref = r.meta.git.ref;
  if (r.meta?.label) out.label = r.meta.label;
  if (r.meta?.started_at) out.started_at = r.meta.started_at;
  if (typeof r.meta?.trials === 'number') out.trials_per_case = r.meta.trials;
  const cache = r.meta?.cache;
  if (cache && Number.isFinite(cache.hits) && Number.isFinite(cache.misses))
    out.cache = { hits: cache.hits, misses: cache.misses };
  if (path) out.results_path = path;
  return out;
}

/**
 * Usage totals; a field no trace reported is left out ("not reported" rather than 0). The run's
 * own totals also count the judge: they win when the runner filled them in.
 */
function usageOf(r: Results, sc: SideScan): Usage {
  const mu = r.meta?.usage;
  const fromMeta = !!mu && (mu.input_tokens > 0 || mu.output_tokens > 0 || mu.cost_usd > 0);
  const out: Usage = {};
  for (const k of ['input_tokens', 'output_tokens', 'cost_usd'] as const) {
    const metaValue = fromMeta && typeof mu[k] === 'number' && mu[k] > 0 ? mu[k] : undefined;
    if (metaValue !== undefined) out[k] = metaValue;
    else if (sc.usageReported[k] > 0) out[k] = sc.usage[k];
  }
  return out;
}

/** Nearest-rank percentiles; undefined when no trial reported a latency. */
function latencyOf(values: number[]): LatencyStats | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95) };
}
