/**
 * `dashboard.html`: one self-contained page (inline CSS and SVG, no script, no external
 * resource; a CSP forbids any) with a plot per failure mode of its pass rate per window, the
 * 95% Wilson band around it, the previous windows' pooled rate, and the latest window marked
 * when it worsened. Mode names, reasons and trace ids are escaped. Pure.
 */
import { int, pct, pts, pValue } from '../report/format.ts';
import { clean } from '../report/markdown.ts';
import { headline, shortTime, VERDICT_TEXT } from './markdown.ts';
import type { ModeReport, MonitorReport } from './report.ts';
import { windowText } from './report.ts';

/** Untrusted text -> HTML text: controls shown, secrets masked, markup escaped. */
export function esc(v: unknown, max = 300): string {
  return clean(v, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const W = 640;
const H = 220;
const PAD = { left: 44, right: 16, top: 14, bottom: 34 };

const f1 = (n: number) => n.toFixed(1);

/** The y range: 0–100%, or from a lower decade when every band stays above it. */
function yFloor(m: ModeReport): number {
  let lo = 1;
  for (const w of m.windows) if (w.ci) lo = Math.min(lo, w.ci[0]);
  return Math.max(0, Math.floor(lo * 10 - 1e-9) / 10 - 0.1);
}

/** Splits a series into runs of consecutive defined points (windows without traces are gaps). */
function runs<T>(items: (T | null)[]): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  for (const it of items) {
    if (it === null) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(it);
  }
  if (cur.length) out.push(cur);
  return out;
}

export function modePlot(m: ModeReport, r: MonitorReport): string {
  const count = m.windows.length;
  const lo = yFloor(m);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / count;
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const y = (v: number) => PAD.top + plotH * (1 - (v - lo) / (1 - lo));
  const parts: string[] = [];

  const latest = count - 1;
  if (m.verdict === 'worsened')
    parts.push(
      `<rect class="worse" x="${f1(PAD.left + slot * latest)}" y="${PAD.top}" width="${f1(slot)}" height="${plotH}"><title>worsened: p (Holm) ${pValue(m.p_worse_adjusted ?? undefined)}</title></rect>`,
    );
  // Grid and y labels at each 10% (every 20% on the full range).
  const step = 1 - lo > 0.5 ? 0.2 : 0.1;
  for (let v = lo; v <= 1 + 1e-9; v += step) {
    const yy = f1(y(v));
    parts.push(
      `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${yy}" y2="${yy}"/>`,
      `<text class="tick" x="${PAD.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${Math.round(v * 100)}%</text>`,
    );
  }
  // x labels: the end of each window, thinned to about eight.
  const every = Math.max(1, Math.ceil(count / 8));
  r.windows.forEach((w, i) => {
    if ((count - 1 - i) % every !== 0) return;
    parts.push(
      `<text class="tick" x="${f1(x(i))}" y="${H - PAD.bottom + 16}" text-anchor="middle">${esc(w.end.slice(5, 10) + (r.window_ms < 86_400_000 ? ` ${w.end.slice(11, 16)}` : ''))}</text>`,
    );
  });
  if (m.previous.rate !== null) {
    const yy = f1(y(m.previous.rate));
    parts.push(
      `<line class="baseline" x1="${PAD.left}" x2="${f1(PAD.left + slot * latest)}" y1="${yy}" y2="${yy}"><title>previous windows pooled: ${pct(m.previous.rate)}</title></line>`,
    );
  }
  const points = m.windows.map((w, i) => (w.rate !== null && w.ci ? { i, w } : null));
  for (const run of runs(points)) {
    const upper = run.map((p) => `${f1(x(p.i))},${f1(y(p.w.ci![1]))}`);
    const lower = run.map((p) => `${f1(x(p.i))},${f1(y(p.w.ci![0]))}`).reverse();
    parts.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`);
    parts.push(
      `<polyline class="rate" points="${run.map((p) => `${f1(x(p.i))},${f1(y(p.w.rate!))}`).join(' ')}"/>`,
    );
  }
  for (const p of points) {
    if (!p) continue;
    const cls = p.i === latest && m.verdict === 'worsened' ? 'dot worse-dot' : 'dot';
    parts.push(
      `<circle class="${cls}" cx="${f1(x(p.i))}" cy="${f1(y(p.w.rate!))}" r="3.5"><title>${esc(`${shortTime(r.windows[p.i].end)}: ${pct(p.w.rate!)} of ${p.w.n} (95% ${pct(p.w.ci![0])}–${pct(p.w.ci![1])}), ${p.w.error} check error(s)`)}</title></circle>`,
    );
  }
  const label = `${m.mode}: pass rate per window; latest ${m.latest.rate === null ? 'no traces' : pct(m.latest.rate)}, ${VERDICT_TEXT[m.verdict]}`;
  return `<svg class="plot" data-mode="${esc(m.mode, 200)}" data-verdict="${m.verdict}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${parts.join('')}</svg>`;
}

const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#0969da;--band:rgba(9,105,218,.18);--grid:#d1d9e0;--bad:#cf222e;--badbg:rgba(207,34,46,.12);--good:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;--line:#4493f8;--band:rgba(68,147,248,.22);--grid:#3d444d;--bad:#f85149;--badbg:rgba(248,81,73,.16);--good:#3fb950}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:980px;padding:24px}
h1{font-size:20px}h2{font-size:16px;margin:0 0 4px}
.muted{color:var(--muted)}
table{border-collapse:collapse;margin:12px 0}td,th{padding:4px 10px;border-bottom:1px solid var(--grid);text-align:left;vertical-align:top}
.card{background:var(--card);border-radius:8px;padding:12px 16px;margin:16px 0}
.verdict-worsened{color:var(--bad);font-weight:600}.verdict-improved{color:var(--good)}
svg.plot{max-width:100%;height:auto;display:block}
.grid{stroke:var(--grid);stroke-width:1}.tick{fill:var(--muted);font-size:11px}
.band{fill:var(--band);stroke:none}.rate{fill:none;stroke:var(--line);stroke-width:2}
.dot{fill:var(--line)}.worse-dot{fill:var(--bad)}.worse{fill:var(--badbg)}
.baseline{stroke:var(--muted);stroke-dasharray:4 4}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
`;

function modeCard(m: ModeReport, r: MonitorReport): string {
  const change = m.change === null ? '–' : `${pts(m.change)} points`;
  const rate = (s: ModeReport['latest']) =>
    s.rate === null || !s.ci
      ? 'no traces with an outcome'
      : `${pct(s.rate)} (95% ${pct(s.ci[0])}–${pct(s.ci[1])}) of ${int(s.n)}`;
  const err = m.first_error
    ? `<p class="muted">First check error: ${esc(m.first_error.reason, 200)} (${esc(`${m.first_error.file}:${m.first_error.line}`, 120)}${m.first_error.trace_id ? `, trace <code>${esc(m.first_error.trace_id, 64)}</code>` : ''})</p>`
    : '';
  return `<section class="card mode" data-mode="${esc(m.mode, 200)}">
<h2><code>${esc(m.mode, 120)}</code>${m.severity ? ` <span class="muted">${esc(m.severity)}</span>` : ''} · <span class="verdict-${m.verdict}">${VERDICT_TEXT[m.verdict]}</span></h2>
<p class="muted">Latest window: ${rate(m.latest)}. Previous ${r.previous_windows} pooled: ${rate(m.previous)}. Change ${change}; p (worse) ${pValue(m.p_worse ?? undefined)}, Holm ${pValue(m.p_worse_adjusted ?? undefined)}. Check errors in the latest window: ${int(m.latest.error)}.</p>
${modePlot(m, r)}
${err}
</section>`;
}

export function dashboardHtml(r: MonitorReport): string {
  const latest = r.windows[r.windows.length - 1];
  const rows = r.modes
    .map(
      (m) =>
        `<tr><td><code>${esc(m.mode, 120)}</code></td><td>${m.latest.rate === null ? '–' : pct(m.latest.rate)}</td><td>${m.previous.rate === null ? '–' : pct(m.previous.rate)}</td><td>${pValue(m.p_worse_adjusted ?? undefined)}</td><td class="verdict-${m.verdict}">${VERDICT_TEXT[m.verdict]}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(headline(r))}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(headline(r))}</h1>
<p class="muted">Pass rate per failure mode in ${r.windows.length} windows of ${windowText(r.window_ms)} up to ${esc(shortTime(latest.end))} UTC, with 95% Wilson bands. The latest window is compared with the previous ${r.previous_windows} pooled (dashed line) by Fisher's exact test, one-sided, Holm over the modes at alpha ${r.alpha}; a worsened window is shaded. ${int(r.traces.in_windows)} of ${int(r.traces.read)} trace(s) in the windows; check errors are counted apart, never as passes.</p>
<table><thead><tr><th>Failure mode</th><th>Latest</th><th>Previous</th><th>p (Holm)</th><th>Verdict</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${r.modes.map((m) => modeCard(m, r)).join('\n')}
</body>
</html>
`;
}
