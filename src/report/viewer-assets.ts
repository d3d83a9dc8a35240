/**
 * The viewer's inline stylesheet and script. Kept as plain strings (not bundled code) so the
 * file is the same wherever it is produced and the CSP hash of the script is stable.
 *
 * The script reads the data blocks (viewer-data-js.ts) and builds the page with
 * createElement/textContent only: no innerHTML, no string-built HTML, so a `<script>` in a model
 * output is just text. Links from data (trace_url) are accepted only as http(s).
 */

import { VIEWER_DATA_JS } from './viewer-data-js.ts';

export const VIEWER_CSS = String.raw`
:root{--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--bg:#fff;--bg2:#f6f8fa;--red:#d1242f;--green:#1a7f37;--amber:#9a6700;--blue:#0969da;--purple:#8250df;--orange:#bc4c00}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--border);background:var(--bg2)}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:20px 0 8px}
main{padding:0 24px 40px;max-width:1600px}
.verdict{font-size:15px;margin:4px 0}
.muted{color:var(--muted)}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:12px}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid var(--border);padding:4px 10px;text-align:left;vertical-align:top}
th{background:var(--bg2)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.v-blocking{color:var(--red);font-weight:600}.v-regressed{color:var(--orange)}.v-improved{color:var(--green)}.v-inconclusive{color:var(--amber)}.v-unchanged{color:var(--muted)}
.k-blocked{color:var(--red)}.k-error{color:var(--orange)}.k-passed{color:var(--green)}.k-accepted{color:var(--amber)}
.na{color:var(--muted);font-style:italic}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;position:sticky;top:0;background:var(--bg);padding:10px 0;border-bottom:1px solid var(--border);z-index:2}
select,input,button{font:inherit;padding:4px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
input[type=search]{min-width:280px}
button{cursor:pointer;background:var(--bg2)}
button:disabled{cursor:default;opacity:.5}
.case{border:1px solid var(--border);border-radius:6px;margin:6px 0;background:var(--bg)}
.case.target{outline:2px solid var(--blue)}
.case-row{display:flex;gap:10px;align-items:center;padding:6px 10px;cursor:pointer;flex-wrap:wrap}
.case-row:hover{background:var(--bg2)}
.case-id{font-weight:600;word-break:break-all}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;border:1px solid transparent;white-space:nowrap}
.l-new_failure{background:#ffebe9;color:var(--red);border-color:#ffcecb}
.l-suspected_new_failure{background:#fff8c5;color:var(--amber);border-color:#f5e0a0}
.l-fixed{background:#dafbe1;color:var(--green);border-color:#aceebb}
.l-flaky{background:#fbefff;color:var(--purple);border-color:#ecd8ff}
.l-errored{background:#fff1e5;color:#bc4c00;border-color:#ffd8b5}
.l-added,.l-removed{background:#ddf4ff;color:var(--blue);border-color:#b6e3ff}
.l-stable_fail{background:#f6f8fa;color:var(--red)}.l-stable_pass{background:#f6f8fa;color:var(--muted)}
.detail{border-top:1px solid var(--border);padding:10px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.side{min-width:0}
.side h3{font-size:14px;margin:0 0 6px}
details.trial{border:1px solid var(--border);border-radius:6px;margin:6px 0;padding:4px 8px}
details.trial>summary{cursor:pointer}
pre{white-space:pre-wrap;word-break:break-word;background:var(--bg2);padding:6px 8px;border-radius:6px;margin:4px 0;max-height:420px;overflow:auto}
.s-pass{color:var(--green)}.s-fail{color:var(--red)}.s-error{color:#bc4c00}
.kv{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
.field{margin:6px 0}.field>.name{font-size:12px;font-weight:600;color:var(--muted)}
.pager{display:flex;gap:8px;align-items:center;margin:10px 0}
a{color:var(--blue)}
.label-bar{display:flex;gap:8px;align-items:center;margin:8px 0}
.label-row{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin:2px 0}
.label-row button[aria-pressed=true].label-pass{background:#dafbe1;border-color:var(--green)}
.label-row button[aria-pressed=true].label-fail{background:#ffebe9;border-color:var(--red)}
@media (max-width:900px){.sides{grid-template-columns:1fr}}
/* trajectories (head vs base, the first divergent step marked) and conversation turns */
.traj{margin:8px 0}
.traj .cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.traj ol{margin:4px 0;padding-left:28px}
.traj li{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:12px;word-break:break-word;padding:1px 4px;border-radius:4px}
.traj li.diverge{background:#fff1e5;outline:1px solid var(--orange);font-weight:600}
.traj .note{font-size:12px;color:var(--orange)}
.turns .turn{margin:4px 0}
.turns .who{font-size:12px;font-weight:600;color:var(--muted)}
`;

const VIEWER_UI_JS = String.raw`
  var PAGE = 100;
  var LABELS = D.labels;
  var state = { mode: '', label: '', q: '', page: 0, open: {} };
  var filtered = [];
  var hay = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function pct(r) { return typeof r === 'number' && isFinite(r) ? (Math.round(r * 1000) / 10) + '%' : '–'; }
  function pts(d) { if (typeof d !== 'number' || !isFinite(d)) return '–'; var v = Math.round(d * 100); return (v > 0 ? '+' : '') + v; }
  function pv(p) { if (typeof p !== 'number' || !isFinite(p)) return '–'; return p < 0.0001 ? '<0.0001' : p < 0.01 ? p.toFixed(4) : p.toFixed(2); }
  function txt(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    try { return JSON.stringify(v, null, 2); } catch (e) { return String(v); }
  }
  function safeUrl(u) {
    try { var x = new URL(u); return x.protocol === 'https:' || x.protocol === 'http:' ? x.href : null; } catch (e) { return null; }
  }
  function traceLink(id) {
    if (!D.traceUrl || !id) return null;
    return safeUrl(D.traceUrl.split('{trace_id}').join(encodeURIComponent(id)));
  }
  function frac(s) { return s ? s[0] + '/' + s[1] : '–'; }
  function num(v) { return typeof v === 'number' && isFinite(v); }
  // A lone surrogate (a cut emoji in an id) would make encodeURIComponent throw; the comment's
  // links replace it with U+FFFD, and so does the index.
  function wellFormed(s) { return String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'); }

  // ---- header and mode table ---------------------------------------------------------------
  var root = document.getElementById('app');
  var head = add(el('header'), el('h1', null, D.title));
  var verdictLine = el('div', 'verdict');
  add(verdictLine, el('strong', 'k-' + D.kind, D.headline.icon + ' ' + D.headline.title + ':'), document.createTextNode(' ' + D.headline.text));
  add(head, verdictLine);
  add(head, el('div', 'muted', 'base ' + (D.base.sha || '?') + (D.base.ref ? ' (' + D.base.ref + ')' : '') +
    ' → head ' + (D.head.sha || '?') + (D.head.ref ? ' (' + D.head.ref + ')' : '') + ' · ' + TOTAL + ' cases'));
  root.appendChild(head);
  var main = el('main');
  root.appendChild(main);

  add(main, el('h2', null, 'Failure modes'));
  var mt = el('table', 'modes');
  var hr = el('tr');
  ['Failure mode', 'Severity', 'Base', 'Head', 'Change (95% CI)', 'p (adj.)', 'Verdict'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
  add(mt, add(el('thead'), hr));
  var mtb = el('tbody');
  D.modes.forEach(function (m) {
    var tr = el('tr');
    add(tr, el('td', 'mono', m.mode), el('td', null, m.severity + (m.blocking ? ' (blocking)' : '')),
      el('td', 'num', pct(m.base[2]) + ' (' + m.base[0] + '/' + m.base[1] + ')'),
      el('td', 'num', pct(m.head[2]) + ' (' + m.head[0] + '/' + m.head[1] + ')'),
      el('td', 'num', pts(m.effect) + ' pts (' + pts(m.ci[0]) + ' to ' + pts(m.ci[1]) + ')'),
      el('td', 'num', pv(m.p)), el('td', 'v-' + m.words.tone, (m.words.icon ? m.words.icon + ' ' : '') + m.words.text + (m.note ? ': ' + m.note : '')));
    mtb.appendChild(tr);
  });
  add(main, add(mt, mtb));

  // Cost, tokens and latency per side; what no trace reported says so (absent is not zero).
  add(main, el('h2', null, 'Usage'));
  var ut = el('table', 'usage'); ut.id = 'usage';
  var uh = el('tr');
  ['', 'Cost', 'Input tokens', 'Output tokens', 'Latency p50', 'Latency p95'].forEach(function (h) { uh.appendChild(el('th', null, h)); });
  add(ut, add(el('thead'), uh));
  var utb = el('tbody');
  [['Base', D.usage.base], ['Head', D.usage.head]].forEach(function (row) {
    var u = row[1], tr = el('tr');
    add(tr, el('th', null, row[0]));
    [u.cost, u.input_tokens, u.output_tokens, u.p50, u.p95].forEach(function (v) {
      tr.appendChild(el('td', v === D.notReported ? 'num na' : 'num', v));
    });
    utb.appendChild(tr);
  });
  add(main, add(ut, utb));

  // ---- filters --------------------------------------------------------------------------------
  add(main, el('h2', null, 'Cases'));
  var bar = el('div', 'filters');
  var modeSel = el('select'); modeSel.id = 'filter-mode'; modeSel.setAttribute('aria-label', 'Failure mode');
  add(modeSel, opt('', 'All failure modes'));
  D.modes.forEach(function (m) { modeSel.appendChild(opt(m.mode, m.mode)); });
  var labelSel = el('select'); labelSel.id = 'filter-label'; labelSel.setAttribute('aria-label', 'Status');
  add(labelSel, opt('', 'All statuses'));
  D.labelOrder.forEach(function (l) { if (D.labelCounts[l]) labelSel.appendChild(opt(l, LABELS[l] + ' (' + D.labelCounts[l] + ')')); });
  var search = el('input'); search.type = 'search'; search.id = 'search'; search.placeholder = 'Search ids, tags, reasons, outputs…';
  var count = el('span', 'muted'); count.id = 'count';
  add(bar, modeSel, labelSel, search, count);
  add(main, bar);
  var list = el('div'); list.id = 'cases';
  var pager = el('div', 'pager');
  var prev = el('button', null, '← Previous'); prev.id = 'prev';
  var next = el('button', null, 'Next →'); next.id = 'next';
  var pageInfo = el('span', 'muted');
  add(pager, prev, pageInfo, next);
  add(main, list, pager);

  function opt(v, t) { var o = el('option', null, t); o.value = v; return o; }

  function labelOf(c) {
    if (!state.mode) return c.label;
    for (var i = 0; i < c.modes.length; i++) if (c.modes[i].mode === state.mode) return c.modes[i].label;
    return null;
  }
  function haystack(i) {
    if (!hay) hay = new Array(TOTAL);
    if (hay[i] === undefined) {
      var c = C[i], parts = [c.id, c.tags.join(' '), c.src || ''];
      c.modes.forEach(function (m) { parts.push(m.mode); });
      [c.b, c.h].forEach(function (s) {
        if (!s) return;
        s.failing.forEach(function (f) { parts.push(f.type, f.reason); });
      });
      if (c.excerpt) parts.push(c.excerpt.input, c.excerpt.output);
      hay[i] = parts.join('\n').toLowerCase();
    }
    return hay[i];
  }
  function shown(i) {
    if (!C[i]) return false;
    var l = labelOf(C[i]);
    return l !== null && (!state.label || l === state.label);
  }
  var listed = null; // listed[i]: case i is in filtered
  function applyFilters() {
    filtered = [];
    listed = new Uint8Array(TOTAL);
    var q = state.q.toLowerCase();
    for (var i = 0; i < loaded; i++) {
      if (!shown(i)) continue;
      if (q && haystack(i).indexOf(q) < 0) continue;
      filtered.push(i);
      listed[i] = 1;
    }
  }

  // ---- search in outputs ------------------------------------------------------------------------
  // The index has no outputs: a search reads them from the output blocks of both sides, two at
  // a time, in order; the cases they match join the list as their blocks are read.
  var searchRun = 0, searching = null, byPos = null;
  function positions() {
    if (byPos) return byPos;
    byPos = { b: new Int32Array(D.entries.b).fill(-1), h: new Int32Array(D.entries.h).fill(-1) };
    for (var i = 0; i < loaded; i++) {
      var c = C[i];
      if (!c) continue;
      if (c.b && c.b.at >= 0 && c.b.at < byPos.b.length) byPos.b[c.b.at] = i;
      if (c.h && c.h.at >= 0 && c.h.at < byPos.h.length) byPos.h[c.h.at] = i;
    }
    return byPos;
  }
  function searchOutputs() {
    var run = ++searchRun, q = state.q.toLowerCase();
    searching = null;
    if (!q || !complete) return;
    var jobs = [];
    ['h', 'b'].forEach(function (key) { for (var k = 0; k < D.starts[key].length; k++) jobs.push([key, k]); });
    document.body.removeAttribute('data-searched');
    if (!jobs.length) { document.body.setAttribute('data-searched', q); return; }
    var pos = positions(), next = 0, done = 0, inFlight = 0, dirty = false, shownAt = performance.now();
    searching = { done: 0, total: jobs.length };
    function onBlock(job, hay) {
      if (run !== searchRun) return;
      inFlight--; done++;
      var map = pos[job[0]], first = D.starts[job[0]][job[1]];
      for (var j = 0; j < hay.length; j++) {
        var i = map[first + j];
        if (i === undefined || i < 0 || listed[i] || hay[j].indexOf(q) < 0 || !shown(i)) continue;
        listed[i] = 1; filtered.push(i); dirty = true;
      }
      searching.done = done;
      if (done === jobs.length) searching = null;
      var now = performance.now();
      if (!searching || now - shownAt > 250) {
        if (dirty) { filtered.sort(function (a, b) { return a - b; }); dirty = false; }
        render(); shownAt = now;
      }
      if (searching) start();
      else document.body.setAttribute('data-searched', q);
    }
    function start() {
      while (inFlight < 2 && next < jobs.length) {
        var job = jobs[next++];
        inFlight++;
        Promise.resolve(outputBlock(job[0], job[1])).then(onBlock.bind(null, job), onBlock.bind(null, job, []));
      }
    }
    start();
  }

  // ---- case rows and details ------------------------------------------------------------------
  function badge(l) { return el('span', 'badge l-' + l, LABELS[l] || l); }
  function row(i) {
    var c = C[i];
    var box = el('div', 'case'); box.setAttribute('data-id', c.id); box.id = 'case-' + i;
    var r = el('div', 'case-row'); r.setAttribute('role', 'button'); r.tabIndex = 0;
    add(r, badge(c.label), el('span', 'case-id', c.id));
    var ms = el('span', 'muted mono');
    ms.textContent = c.modes.map(function (m) { return m.mode + ' ' + frac(m.b) + ' → ' + frac(m.h); }).join(' · ');
    add(r, ms);
    if (c.src) add(r, el('span', 'muted', c.src));
    var a = el('a', null, '#'); a.href = '#case=' + encodeURIComponent(wellFormed(c.id)); a.title = 'Link to this case';
    a.addEventListener('click', function (e) { e.stopPropagation(); });
    add(r, a);
    r.addEventListener('click', function () { toggle(i, box); });
    r.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(i, box); } });
    box.appendChild(r);
    if (state.open[i]) box.appendChild(detail(i));
    return box;
  }
  function toggle(i, box) {
    if (state.open[i]) { delete state.open[i]; var d = box.querySelector('.detail'); if (d) box.removeChild(d); }
    else { state.open[i] = true; box.appendChild(detail(i)); }
  }
  function field(name, value, pre) {
    var f = el('div', 'field');
    add(f, el('div', 'name', name));
    add(f, pre === false ? el('div', null, value) : el('pre', null, value));
    return f;
  }
  function trialView(t, open) {
    var d = el('details', 'trial'); if (open) d.open = true;
    var tr = t.trace || {};
    var s = el('summary');
    add(s, el('span', 's-' + t.status, t.status), document.createTextNode(' trial ' + t.trial + (t.stage > 1 ? ' (stage ' + t.stage + ')' : '')));
    d.appendChild(s);
    var u = tr.usage || {};
    var kv = el('div', 'kv');
    var NA = D.notReported;
    var tokens = num(u.input_tokens) || num(u.output_tokens)
      ? (num(u.input_tokens) ? u.input_tokens : NA) + ' in / ' + (num(u.output_tokens) ? u.output_tokens : NA) + ' out'
      : NA;
    add(kv, el('span', null, 'latency ' + (num(tr.latency_ms) ? Math.round(tr.latency_ms) + ' ms' : NA)),
      el('span', null, 'tokens ' + tokens),
      el('span', null, 'cost ' + (num(u.cost_usd) ? '$' + u.cost_usd.toFixed(5) : NA)),
      el('span', null, 'attempts ' + (t.attempts || 1)));
    if (tr.trace_id) {
      var href = traceLink(tr.trace_id);
      if (href) { var a = el('a', null, 'open trace'); a.href = href; a.rel = 'noopener noreferrer'; a.target = '_blank'; kv.appendChild(a); }
      else kv.appendChild(el('span', 'mono', 'trace ' + tr.trace_id));
    }
    d.appendChild(kv);
    if (tr.error) d.appendChild(field('Error', (tr.error.kind || 'error') + ': ' + txt(tr.error.message)));
    var checks = el('div', 'field'); add(checks, el('div', 'name', 'Checks'));
    (t.checks || []).forEach(function (c) {
      var line = el('div', 'mono');
      add(line, el('span', 's-' + c.status, c.status), document.createTextNode(' ' + (c.name || c.type) + ' [' + c.mode + '] ' + (c.reason || '')));
      checks.appendChild(line);
    });
    d.appendChild(checks);
    var turns = turnsView(tr);
    if (turns) d.appendChild(turns);
    d.appendChild(field('Output', tr.output || '(empty)'));
    if (tr.tool_calls && tr.tool_calls.length) {
      var tc = el('div', 'field'); add(tc, el('div', 'name', 'Tool calls (' + tr.tool_calls.length + ')'));
      tr.tool_calls.forEach(function (c) {
        add(tc, el('pre', null, (c.name || '?') + '(' + txt(c.arguments || {}) + ')' + (c.result !== undefined ? '\n→ ' + txt(c.result) : '')));
      });
      d.appendChild(tc);
    } else d.appendChild(field('Tool calls', '(none)', false));
    if (tr.retrieved && tr.retrieved.length) {
      var rd = el('div', 'field'); add(rd, el('div', 'name', 'Retrieved (' + tr.retrieved.length + ')'));
      tr.retrieved.forEach(function (r) { add(rd, el('pre', null, (r.id ? r.id : '(no id)') + (r.score != null ? ' · ' + r.score : '') + '\n' + txt(r.text))); });
      d.appendChild(rd);
    }
    if (tr.messages && tr.messages.length) {
      var md = el('details'); add(md, el('summary', null, 'Messages (' + tr.messages.length + ')'));
      tr.messages.forEach(function (m) {
        var extra = m.tool_calls ? '\n' + txt(m.tool_calls) : '';
        add(md, el('pre', null, (m.role || '?') + (m.name ? ' ' + m.name : '') + ': ' + txt(m.content) + extra));
      });
      d.appendChild(md);
    }
    if (tr.stderr) d.appendChild(field('stderr', tr.stderr));
    if (tr.metadata) d.appendChild(field('Metadata', txt(tr.metadata)));
    return d;
  }
  function sideView(name, s, runs, c) {
    var v = el('div', 'side');
    if (!s) { add(v, el('h3', null, name), el('div', 'muted', name === 'Base' ? 'Not on base (added case).' : 'Not on head (removed case).')); return v; }
    add(v, el('h3', null, name + ': ' + s.passes + '/' + s.n + ' passed' + (s.errors ? ', ' + s.errors + ' errored' : '')));
    if (s.failing.length) {
      var f = el('div', 'field'); add(f, el('div', 'name', 'Failing checks (representative trial)'));
      s.failing.forEach(function (x) { add(f, el('div', 'mono s-fail', (x.name || x.type) + ' [' + x.mode + '] ' + x.reason)); });
      v.appendChild(f);
    }
    if (runs && runs.length) runs.forEach(function (t, k) { var tv = trialView(t, k === s.ref); if (t.th) tv.appendChild(labelControls(c.id, t)); v.appendChild(tv); });
    else if (name === 'Head' && c.excerpt) {
      v.appendChild(field('Output (excerpt)', c.excerpt.output));
      v.appendChild(field('Tool calls', c.excerpt.tool_calls.map(function (t) { return t.name + '(' + t.arguments + ')'; }).join('\n') || '(none)'));
      if (c.excerpt.error) v.appendChild(field('Error', c.excerpt.error));
    } else v.appendChild(el('div', 'muted', 'Traces not included in this viewer.'));
    return v;
  }
  // ---- trajectories and conversation turns ---------------------------------------------------
  // From the excerpt of a new failure: the head's calls, and where a base trial's differ.
  function stepList(calls, at, more) {
    var ol = el('ol');
    calls.forEach(function (t, k) {
      var li = el('li', k === at ? 'diverge' : null, t.name + ' ' + t.arguments);
      if (k === at) li.setAttribute('data-diverges', '1');
      ol.appendChild(li);
    });
    if (at >= 0 && at >= calls.length) {
      // The divergent step past this side's last call: the call the other side did not make,
      // or, when this side stopped there, a marked empty step.
      var li = el('li', more ? 'diverge' : 'diverge muted', more ? more.name + ' ' + more.arguments : '(no more calls)');
      li.value = at + 1; li.setAttribute('data-diverges', '1');
      ol.appendChild(li);
    }
    if (!calls.length && !more) ol.appendChild(el('li', 'muted', '(no tool calls)'));
    return ol;
  }
  function trajectoryView(c) {
    var e = c.excerpt;
    if (!e || (!(e.tool_calls || []).length && !e.divergence)) return null;
    var box = el('div', 'traj field');
    var d = e.divergence;
    add(box, el('div', 'name', d ? 'Trajectory: head vs base' : 'Trajectory (head)'));
    if (!d) { box.appendChild(stepList(e.tool_calls || [], -1)); return box; }
    var base = e.base_tool_calls || [];
    var note = 'Head diverges at step ' + (d.step + 1) + ': ' +
      (d.base ? 'base called ' + d.base.name : 'base stopped after ' + base.length + ' call' + (base.length === 1 ? '' : 's')) + ', ' +
      (d.head ? 'head called ' + d.head.name : 'head stopped') +
      (d.head && d.base && d.head.name === d.base.name ? ' with other arguments' : '');
    add(box, el('div', 'note', note));
    var cols = el('div', 'cols');
    var b = el('div'); add(b, el('div', 'muted', 'Base'), stepList(base, d.step, d.base));
    var h = el('div'); add(h, el('div', 'muted', 'Head'), stepList(e.tool_calls || [], d.step, d.head));
    add(box, add(cols, b, h));
    return box;
  }
  // A conversation's turns, each user message with the answer to it.
  function turnsView(tr) {
    if (!tr.turns || !tr.turns.length) return null;
    var f = el('div', 'field turns');
    add(f, el('div', 'name', 'Turns (' + tr.turns.length + ')'));
    tr.turns.forEach(function (t, k) {
      var calls = (t.tool_calls || []).map(function (c) { return (c.name || '?') + '(' + txt(c.arguments || {}) + ')'; });
      var box = el('div', 'turn');
      add(box, el('div', 'who', 'turn ' + (k + 1)));
      add(box, el('pre', null, 'user: ' + txt(t.user) + '\nassistant: ' + txt(t.output) + (calls.length ? '\ncalls: ' + calls.join(' → ') : '')));
      f.appendChild(box);
    });
    return f;
  }

  function detail(i) {
    var c = C[i];
    var d = el('div', 'detail');
    var kv = el('div', 'kv');
    if (c.src) add(kv, el('span', 'mono', c.src));
    if (c.tags.length) add(kv, el('span', null, 'tags: ' + c.tags.join(', ')));
    if (c.changed) add(kv, el('span', 's-error', 'case edited between base and head'));
    c.modes.forEach(function (m) { add(kv, el('span', null, m.mode + ': '), badge(m.label)); });
    d.appendChild(kv);
    // A compressed trace block is decoded first (a moment); a JSON one is there at once.
    var T = traces(i);
    if (T && typeof T.then === 'function') {
      var wait = el('div', 'muted loading', 'Loading traces…');
      d.appendChild(wait);
      T.then(function (t) { d.removeChild(wait); traceViews(d, c, t); });
    } else traceViews(d, c, T);
    return d;
  }
  function traceViews(d, c, T) {
    var input = T.input !== undefined ? T.input : c.excerpt && c.excerpt.input;
    if (input !== undefined && input !== null) d.appendChild(field('Input', txt(input)));
    var traj = trajectoryView(c);
    if (traj) d.appendChild(traj);
    add(d, add(el('div', 'sides'), sideView('Base', c.b, T.b, c), sideView('Head', c.h, T.h, c)));
  }

  // ---- human labels for judge calibration (docs/reports.md "Labelling traces") ------------------
  // A reviewer marks a judged check of a trace pass or fail; labels persist in localStorage while
  // reviewing and download as the labels file (JSON lines) that evalgate calibrate reads.
  var LABEL_KEY = 'evalgate-labels';
  var JUDGED = {}; (D.judged || []).forEach(function (t) { JUDGED[t] = true; });
  var humanLabels = loadLabels();
  function loadLabels() {
    try { var v = JSON.parse(localStorage.getItem(LABEL_KEY) || '{}'); return v && typeof v === 'object' ? v : {}; }
    catch (e) { return {}; }
  }
  function saveLabels() {
    try { localStorage.setItem(LABEL_KEY, JSON.stringify(humanLabels)); } catch (e) { /* private mode: kept in memory */ }
    labelCount.textContent = Object.keys(humanLabels).length + ' label(s)';
    labelDownload.disabled = labelClear.disabled = !Object.keys(humanLabels).length;
  }
  function labelKey(th, caseId, index) { return th + ' ' + caseId + ' ' + index; }
  function labelControls(caseId, t) {
    var box = el('div', 'field labels'); add(box, el('div', 'name', 'Your label (for judge calibration) · trace ' + t.th.slice(0, 12)));
    (t.checks || []).forEach(function (c) {
      if (!JUDGED[c.type]) return;
      var key = labelKey(t.th, caseId, c.index);
      var line = el('div', 'label-row');
      line.setAttribute('data-check', String(c.index));
      add(line, el('span', 'mono', (c.name || c.type) + ' [' + c.mode + '] judge: '), el('span', 's-' + c.status, c.status), document.createTextNode(' '));
      var note = el('input'); note.type = 'text'; note.placeholder = 'note (optional)'; note.className = 'label-note';
      function pick(v) {
        var cur = humanLabels[key];
        if (cur && cur.label === v) delete humanLabels[key];
        else humanLabels[key] = { trace_hash: t.th, case: caseId, check: c.index, label: v, note: note.value || undefined };
        saveLabels(); show();
      }
      var pass = el('button', 'label-pass', 'pass'), fail = el('button', 'label-fail', 'fail');
      pass.type = fail.type = 'button';
      pass.addEventListener('click', function () { pick('pass'); });
      fail.addEventListener('click', function () { pick('fail'); });
      note.addEventListener('change', function () { var cur = humanLabels[key]; if (cur) { cur.note = note.value || undefined; saveLabels(); } });
      function show() {
        var cur = humanLabels[key];
        pass.setAttribute('aria-pressed', String(!!cur && cur.label === 'pass'));
        fail.setAttribute('aria-pressed', String(!!cur && cur.label === 'fail'));
        if (cur && cur.note && !note.value) note.value = cur.note;
      }
      show();
      add(line, pass, fail, note);
      box.appendChild(line);
    });
    return box;
  }
  function labelsFile() {
    return Object.keys(humanLabels).sort().map(function (k) { return JSON.stringify(humanLabels[k]); }).join('\n') + '\n';
  }
  var labelBar = el('div', 'label-bar');
  var labelCount = el('span', 'muted');
  var labelDownload = el('button', null, 'Download labels.jsonl');
  var labelClear = el('button', null, 'Clear labels');
  labelDownload.addEventListener('click', function () {
    var url = URL.createObjectURL(new Blob([labelsFile()], { type: 'application/x-ndjson' }));
    var a = el('a'); a.href = url; a.download = 'labels.jsonl';
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  labelClear.addEventListener('click', function () { humanLabels = {}; saveLabels(); render(); });
  add(labelBar, el('span', null, 'Judge calibration: '), labelCount, labelDownload, labelClear);
  if (D.labelable) list.parentNode.insertBefore(labelBar, list);
  saveLabels();

  // ---- list rendering (one page at a time keeps 10,000 cases fast) ---------------------------
  function render() {
    var pages = Math.max(1, Math.ceil(filtered.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE, end = Math.min(filtered.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(row(filtered[k]));
    list.textContent = '';
    list.appendChild(frag);
    if (!filtered.length) list.appendChild(el('p', 'muted', 'No case matches these filters' + (searching ? ' yet (searching the outputs…)' : '.')));
    // Until every index block is read, filters and search see the cases read so far.
    // While a search reads the outputs, the cases it has found so far, and how far it is.
    count.textContent = 'Showing ' + (filtered.length ? start + 1 : 0) + '–' + end +
      (!complete ? ' · reading cases: ' + loaded + ' of ' + TOTAL + '…'
        : ' of ' + filtered.length + ' cases' + (filtered.length !== TOTAL ? ' (' + TOTAL + ' in total)' : '') +
          (searching ? ' · searching outputs: ' + Math.round(100 * searching.done / searching.total) + '%…' : ''));
    pageInfo.textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }
  function refilter() { applyFilters(); state.page = 0; render(); searchOutputs(); }
  modeSel.addEventListener('change', function () { state.mode = modeSel.value; refilter(); });
  labelSel.addEventListener('change', function () { state.label = labelSel.value; refilter(); });
  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = search.value.trim(); refilter(); }, 120);
  });
  prev.addEventListener('click', function () { state.page--; render(); window.scrollTo(0, list.offsetTop - 60); });
  next.addEventListener('click', function () { state.page++; render(); window.scrollTo(0, list.offsetTop - 60); });

  // ---- deep links: #case=<id> -------------------------------------------------------------------
  // Once the whole index is read (ids are looked up in all of it) and the case's traces are
  // decoded, so the opened case shows whole.
  function openFromHash() {
    var m = /^#case=(.*)$/.exec(location.hash);
    if (!m || !byId) return;
    var id;
    try { id = decodeURIComponent(m[1]); } catch (e) { return; }
    var i = byId.get(wellFormed(id));
    if (i === undefined) return;
    return whenRead(traces(i), function () {
      var pos = filtered.indexOf(i);
      if (pos < 0) {
        state.mode = ''; state.label = ''; state.q = '';
        modeSel.value = ''; labelSel.value = ''; search.value = '';
        applyFilters();
        searchOutputs();
        pos = filtered.indexOf(i);
      }
      state.page = Math.floor(pos / PAGE);
      state.open[i] = true;
      render();
      var box = document.getElementById('case-' + i);
      if (box) {
        var old = document.querySelector('.case.target'); if (old) old.classList.remove('target');
        box.classList.add('target');
        box.scrollIntoView({ block: 'start' });
      }
    });
  }
  window.addEventListener('hashchange', openFromHash);

  // The first index block gives the first screen; the rest follow (filters and search over all
  // cases from then on); a deep link opens its case once the trace blocks are parsed too.
  readIndex(function first() {
    applyFilters();
    render();
    document.body.setAttribute('data-listed', '1');
  }, function all(wasPartial) {
    if (wasPartial) { applyFilters(); render(); }
    if (state.q) searchOutputs();
    domReady.then(openFromHash).then(function () { document.body.setAttribute('data-ready', '1'); });
  });
`;

/** The page script: the data blocks' reader, then the page. */
export const VIEWER_JS = `
(function () {
  'use strict';
${VIEWER_DATA_JS}
${VIEWER_UI_JS}
})();
`;
