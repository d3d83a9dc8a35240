/** Per-side summaries of a comparison: run totals, usage and latency percentiles. */
import type { LatencyStats, Results, SideSummary, Usage } from '../types.ts';
import type { SideScan } from './prepare.ts';

export function sideSummary(r: Results, sc: SideScan, path?: string): SideSummary {
  // The run's own totals (the system's; the judge's are apart); prefer them when the runner
  // filled them in.
  const mu = r.meta?.usage;
  const usage: Required<Usage> =
    mu && (mu.input_tokens > 0 || mu.output_tokens > 0 || mu.cost_usd > 0)
      ? { input_tokens: mu.input_tokens, output_tokens: mu.output_tokens, cost_usd: mu.cost_usd }
      : sc.usage;
  const out: SideSummary = { counts: sc.counts, usage, latency_ms: latency(sc.latencies) };
  const ju = r.meta?.judge_usage;
  if (ju && [ju.input_tokens, ju.output_tokens, ju.cost_usd].every(Number.isFinite))
    out.judge_usage = {
      input_tokens: ju.input_tokens,
      output_tokens: ju.output_tokens,
      cost_usd: ju.cost_usd,
    };
  if (r.meta?.git?.sha) out.sha = r.meta.git.sha;
  if (r.meta?.git?.ref) out.ref = r.meta.git.ref;
  if (r.meta?.label) out.label = r.meta.label;
  if (r.meta?.started_at) out.started_at = r.meta.started_at;
  if (typeof r.meta?.trials === 'number') out.trials_per_case = r.meta.trials;
  if (path) out.results_path = path;
  return out;
}

/** Nearest-rank percentiles; 0 when no trial reported a latency. */
function latency(values: number[]): LatencyStats {
  if (values.length === 0) return { p50: 0, p95: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95) };
}
