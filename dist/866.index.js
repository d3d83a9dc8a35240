export const id = 866;
export const ids = [866];
export const modules = {

/***/ 21866:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reviewCommand: () => (/* binding */ reviewCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./build/suite/errors.js
var errors = __webpack_require__(70156);
// EXTERNAL MODULE: ./build/suite/jsonl-stream.js
var jsonl_stream = __webpack_require__(78862);
// EXTERNAL MODULE: ./build/targets/trace.js + 1 modules
var trace = __webpack_require__(81051);
// EXTERNAL MODULE: ./build/defaults.js
var defaults = __webpack_require__(84532);
// EXTERNAL MODULE: ./build/report/viewer-assets.js + 1 modules
var viewer_assets = __webpack_require__(23781);
// EXTERNAL MODULE: ./build/report/viewer.js + 2 modules
var viewer = __webpack_require__(19216);
;// CONCATENATED MODULE: ./build/review/assets.js
/**
 * The review page's stylesheet (on top of the viewer's) and script, as plain strings so the
 * CSP hash of the script is stable.
 *
 * The script builds the page with createElement/textContent only: no innerHTML, no string-built
 * HTML, so a `<script>` in a model output is just text; links from data (trace_url) are
 * accepted only as http(s). The reviewer's work (per trace id: mode or "no failure", note, tool)
 * lives in localStorage under the sample's hash, so a reload, or the same sample reviewed again
 * later, keeps it; another sample starts empty.
 *
 * The download is the labels file `evalgate promote --labels` reads (docs/import.md "Reviewing
 * a sample"): a first line `{"evalgate_review": {...summary}}`, then one line per reviewed trace
 * `{"trace_id", "mode", "note"?, "tool"?, "labelled_at"}`, `mode: null` for "no failure".
 */
const REVIEW_CSS = String.raw `
.layout{display:grid;grid-template-columns:minmax(220px,300px) minmax(0,1fr) minmax(260px,340px);gap:16px;padding:12px 24px 40px}
@media (max-width:1100px){.layout{grid-template-columns:1fr}}
#list{align-self:start;max-height:calc(100vh - 120px);overflow:auto;position:sticky;top:8px;border:1px solid var(--border);border-radius:6px}
#list ol{list-style:none;margin:0;padding:0}
#list li{padding:6px 8px;border-bottom:1px solid var(--border);cursor:pointer;font-size:12px}
#list li:hover{background:var(--bg2)}
#list li.current{background:#ddf4ff;outline:2px solid var(--blue);outline-offset:-2px}
#list .mark{display:inline-block;width:1.4em}
#list .tid{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;word-break:break-all}
#list .prev{color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#list li[data-reviewed=mode] .mark{color:var(--red)}
#list li[data-reviewed=pass] .mark{color:var(--green)}
#panel{position:sticky;top:8px;align-self:start}
.box{border:1px solid var(--border);border-radius:6px;padding:10px;margin-bottom:12px}
.box h2{margin:0 0 8px}
.modes-pick{display:flex;flex-direction:column;gap:4px}
.modes-pick button{text-align:left}
.modes-pick button[aria-pressed=true]{background:#ffebe9;border-color:var(--red);font-weight:600}
.modes-pick button.pass[aria-pressed=true]{background:#dafbe1;border-color:var(--green)}
.modes-pick .key{display:inline-block;min-width:1.6em;color:var(--muted);font-family:ui-monospace,monospace}
.newmode{display:flex;gap:6px;margin-top:6px}
.newmode input{flex:1;min-width:0}
.msg{color:var(--red);font-size:12px;min-height:1em}
textarea{font:inherit;width:100%;min-height:90px;padding:6px;border:1px solid var(--border);border-radius:6px}
#tool{width:100%}
.badge.new{background:#fff8c5;color:var(--amber);border-color:#f5e0a0}
.badge.stratum{background:var(--bg2);color:var(--muted);border-color:var(--border)}
.progress{font-weight:600}
.answer{border-left:3px solid var(--blue)}
.msg-row{margin:4px 0}
.keys{font-size:12px;color:var(--muted)}
`;
const REVIEW_JS = String.raw `
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('review-data').textContent);
  var ITEMS = D.items;
  var KEY = 'evalgate-review:' + D.sample.hash;
  var CONFIG = {}; D.modes.forEach(function (m) { CONFIG[m.name] = m; });
  var RESERVED = {}; D.reserved.forEach(function (r) { RESERVED[r] = true; });
  var traceCache = {};
  var storageOk = true;

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
  function txt(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    try { return JSON.stringify(v, null, 2); } catch (e) { return String(v); }
  }
  function num(v) { return typeof v === 'number' && isFinite(v); }
  function safeUrl(u) {
    try { var x = new URL(u); return x.protocol === 'https:' || x.protocol === 'http:' ? x.href : null; } catch (e) { return null; }
  }
  function traceLink(id) {
    if (!D.traceUrl || !id) return null;
    return safeUrl(D.traceUrl.split('{trace_id}').join(encodeURIComponent(id)));
  }
  function trace(i) {
    if (traceCache[i]) return traceCache[i];
    var node = document.getElementById('review-t' + i);
    try { traceCache[i] = JSON.parse(node.textContent); } catch (e) { traceCache[i] = { output: '' }; }
    return traceCache[i];
  }

  // ---- the reviewer's work, kept per sample -------------------------------------------------
  // S.labels[trace id] = {mode?: string | null, note?, tool?, at?}; "mode" absent: not reviewed
  // (a note alone is kept, not counted); null: reviewed, no failure. S.added: modes typed here.
  var S = load();
  function load() {
    try {
      var v = JSON.parse(localStorage.getItem(KEY) || 'null');
      if (v && typeof v === 'object' && v.labels && typeof v.labels === 'object')
        return { labels: v.labels, added: Array.isArray(v.added) ? v.added.filter(function (m) { return typeof m === 'string'; }) : [], cur: num(v.cur) ? v.cur : 0 };
    } catch (e) { /* unreadable: start afresh */ }
    return { labels: {}, added: [], cur: 0 };
  }
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(S)); }
    catch (e) { storageOk = false; }
    storageNote.hidden = storageOk;
  }
  function labelOf(i) { var id = ITEMS[i].id; return id ? S.labels[id] : undefined; }
  function decided(l) { return !!l && Object.prototype.hasOwnProperty.call(l, 'mode'); }
  function own(i) {
    var id = ITEMS[i].id;
    if (!Object.prototype.hasOwnProperty.call(S.labels, id)) S.labels[id] = {};
    return S.labels[id];
  }
  function prune(id) {
    var l = S.labels[id];
    if (l && !decided(l) && !l.note && !l.tool) delete S.labels[id];
  }

  // Every mode offered: the config's, then the ones typed here (and any a label still names).
  function allModes() {
    var out = D.modes.map(function (m) { return m.name; }), seen = {};
    out.forEach(function (m) { seen[m] = true; });
    function push(m) { if (typeof m === 'string' && !seen[m]) { seen[m] = true; out.push(m); } }
    S.added.forEach(push);
    ITEMS.forEach(function (it, i) { var l = labelOf(i); if (decided(l)) push(l.mode); });
    return out;
  }
  function isNew(m) { return !Object.prototype.hasOwnProperty.call(CONFIG, m); }

  // The config's mode-name rules (src/suite/config.ts): a name, not the built-in "errors";
  // and, as evalgate.yml will hold it, no control characters and no near-duplicate of a mode.
  function checkModeName(raw) {
    var name = raw.trim();
    if (!name) return { error: 'Type a name for the new failure mode.' };
    if (RESERVED[name]) return { error: '"' + name + '" is evalgate\'s built-in failure mode (trials that errored): pick another name.' };
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return { error: 'A mode name cannot hold control characters or line breaks.' };
    if (name.length > 80) return { error: 'Keep the mode name under 80 characters.' };
    var modes = allModes();
    for (var k = 0; k < modes.length; k++) {
      if (modes[k] === name) return { name: name };
      if (modes[k].toLowerCase() === name.toLowerCase()) return { error: 'There is already "' + modes[k] + '": pick it, or another name.' };
    }
    return { name: name };
  }

  function counts() {
    var c = {}, pass = 0, reviewed = 0, total = 0;
    ITEMS.forEach(function (it, i) {
      if (!it.id) return;
      total++;
      var l = labelOf(i);
      if (!decided(l)) return;
      reviewed++;
      if (l.mode === null) pass++;
      else c[l.mode] = (c[l.mode] || 0) + 1;
    });
    return { byMode: c, pass: pass, reviewed: reviewed, total: total };
  }
  // Most frequent first (the failures to write checks for first); ties in the config's order.
  function sortedModes(byMode) {
    var order = allModes();
    return order.slice().sort(function (a, b) { return (byMode[b] || 0) - (byMode[a] || 0) || order.indexOf(a) - order.indexOf(b); });
  }

  // ---- page frame -----------------------------------------------------------------------------
  document.title = 'Review: ' + D.sample.name;
  var root = document.getElementById('app');
  var head = el('header');
  add(head, el('h1', null, 'Review: ' + D.sample.name));
  var progress = el('span', 'progress'); progress.id = 'progress';
  var download = el('button', null, 'Download labels'); download.id = 'download'; download.type = 'button';
  var pending = el('span', 'muted'); pending.id = 'pending';
  var noId = ITEMS.filter(function (it) { return !it.id; }).length;
  var sub = el('div', 'muted', ITEMS.length + ' trace(s) · sample ' + D.sample.hash.slice(0, 12) +
    (noId ? ' · ' + noId + ' without a trace id cannot be labelled (promote finds traces by id)' : ''));
  var bar = el('div', 'label-bar');
  add(bar, progress, download, pending);
  var storageNote = el('div', 's-error', 'This browser does not keep your work (storage unavailable): download the labels before closing the page.');
  storageNote.hidden = true;
  add(head, sub, bar, storageNote,
    el('div', 'keys', 'Keys: j / k next / previous trace · 1–9 pick a failure mode · 0 no failure · n write a note · Esc leaves a text field'));
  root.appendChild(head);
  var layout = el('div', 'layout');
  var listBox = el('nav'); listBox.id = 'list'; listBox.setAttribute('aria-label', 'Traces');
  var ol = el('ol');
  listBox.appendChild(ol);
  var traceBox = el('section'); traceBox.id = 'trace';
  var panel = el('aside'); panel.id = 'panel';
  var reviewBox = el('div', 'box'); reviewBox.id = 'review';
  var summaryBox = el('div', 'box'); summaryBox.id = 'summary';
  add(panel, reviewBox, summaryBox);
  add(layout, listBox, traceBox, panel);
  root.appendChild(layout);

  // ---- the list --------------------------------------------------------------------------------
  var rows = ITEMS.map(function (it, i) {
    var li = el('li'); li.setAttribute('data-index', String(i));
    li.tabIndex = -1;
    li.addEventListener('click', function () { select(i); });
    ol.appendChild(li);
    return li;
  });
  function paintRow(i) {
    var it = ITEMS[i], li = rows[i], l = labelOf(i);
    li.textContent = '';
    var mark = el('span', 'mark', decided(l) ? (l.mode === null ? '✓' : '●') : '○');
    li.setAttribute('data-reviewed', decided(l) ? (l.mode === null ? 'pass' : 'mode') : 'no');
    var top = el('div');
    add(top, mark, el('span', 'muted', (i + 1) + '. '), el('span', 'tid', it.id || '(no trace id)'));
    var tags = el('div');
    if (it.stratum) add(tags, el('span', 'badge stratum', it.stratum));
    if (decided(l)) add(tags, document.createTextNode(' '), el('span', 'badge ' + (l.mode === null ? 'l-fixed' : 'l-new_failure'), l.mode === null ? 'no failure' : l.mode));
    add(li, top, tags, el('div', 'prev', it.preview));
  }

  // ---- one trace, readably ------------------------------------------------------------------------
  function field(name, value, cls) {
    var f = el('div', 'field');
    add(f, el('div', 'name', name), el('pre', cls || null, value));
    return f;
  }
  function traceView(i) {
    var it = ITEMS[i], t = trace(i), meta = t.metadata && typeof t.metadata === 'object' ? t.metadata : {};
    var box = el('div');
    add(box, el('h2', null, 'Trace ' + (i + 1) + ' of ' + ITEMS.length));
    var kv = el('div', 'kv');
    kv.appendChild(el('span', 'mono', it.id ? 'trace ' + it.id : '(no trace id)'));
    var href = traceLink(it.id);
    if (href) { var a = el('a', null, 'open in ' + (it.source || 'source')); a.href = href; a.rel = 'noopener noreferrer'; a.target = '_blank'; a.id = 'source-link'; kv.appendChild(a); }
    if (it.source) kv.appendChild(el('span', null, 'source ' + it.source));
    if (typeof meta.started_at === 'string') kv.appendChild(el('span', null, 'started ' + meta.started_at));
    if (typeof meta.service === 'string') kv.appendChild(el('span', null, 'service ' + meta.service));
    if (Array.isArray(meta.models)) kv.appendChild(el('span', null, 'models ' + meta.models.map(txt).join(', ')));
    if (num(t.latency_ms)) kv.appendChild(el('span', null, 'latency ' + Math.round(t.latency_ms) + ' ms'));
    var u = t.usage || {};
    if (num(u.input_tokens) || num(u.output_tokens)) kv.appendChild(el('span', null, 'tokens ' + (num(u.input_tokens) ? u.input_tokens : '?') + ' in / ' + (num(u.output_tokens) ? u.output_tokens : '?') + ' out'));
    if (num(u.cost_usd)) kv.appendChild(el('span', null, 'cost $' + u.cost_usd.toFixed(5)));
    kv.appendChild(el('span', 'muted', 'sample line ' + it.line));
    box.appendChild(kv);

    // Why it was sampled: the stratum and the checks that failed.
    var why = el('div', 'field'); why.id = 'why';
    add(why, el('div', 'name', 'In the sample'));
    if (it.stratum) add(why, el('div', null, 'stratum: ' + it.stratum));
    if (it.failed.length) add(why, el('div', 's-fail', 'checks failed for: ' + it.failed.join(', ')));
    else if (it.stratum === 'passing') add(why, el('div', 'muted', 'no check failed: look for what no check catches yet'));
    if (it.case) add(why, el('div', 'mono', 'case ' + it.case));
    if (Array.isArray(meta.span_errors)) meta.span_errors.forEach(function (s) {
      add(why, el('div', 's-error mono', 'span error: ' + txt(s && s.name) + ': ' + txt(s && s.message)));
    });
    box.appendChild(why);
    if (t.error) box.appendChild(field('Error', txt(t.error.kind || 'error') + ': ' + txt(t.error.message), 's-error'));
    if (meta.input !== undefined) box.appendChild(field('Input', txt(meta.input)));
    if (t.turns && t.turns.length) {
      var tf = el('div', 'field turns'); add(tf, el('div', 'name', 'Turns (' + t.turns.length + ')'));
      t.turns.forEach(function (turn, k) {
        var calls = (turn.tool_calls || []).map(function (c) { return (c.name || '?') + '(' + txt(c.arguments || {}) + ')'; });
        add(tf, el('div', 'who', 'turn ' + (k + 1)), el('pre', null, 'user: ' + txt(turn.user) + '\nassistant: ' + txt(turn.output) + (calls.length ? '\ncalls: ' + calls.join(' → ') : '')));
      });
      box.appendChild(tf);
    }
    if (t.messages && t.messages.length) {
      var mf = el('div', 'field'); mf.id = 'messages';
      add(mf, el('div', 'name', 'Messages (' + t.messages.length + ')'));
      t.messages.forEach(function (m) {
        var calls = m.tool_calls ? '\n' + txt(m.tool_calls) : '';
        add(mf, el('pre', 'msg-row', (m.role || '?') + (m.name ? ' ' + m.name : '') + ': ' + txt(m.content) + calls));
      });
      box.appendChild(mf);
    }
    var tc = el('div', 'field'); tc.id = 'tool-calls';
    if (t.tool_calls && t.tool_calls.length) {
      add(tc, el('div', 'name', 'Tool calls (' + t.tool_calls.length + ')'));
      t.tool_calls.forEach(function (c) {
        add(tc, el('pre', null, (c.name || '?') + '(' + txt(c.arguments || {}) + ')' + (c.result !== undefined ? '\n→ ' + txt(c.result) : '')));
      });
    } else add(tc, el('div', 'name', 'Tool calls'), el('div', 'muted', '(none)'));
    box.appendChild(tc);
    if (t.retrieved && t.retrieved.length) {
      var rd = el('div', 'field'); rd.id = 'retrieved';
      add(rd, el('div', 'name', 'Retrieved documents (' + t.retrieved.length + ')'));
      t.retrieved.forEach(function (r) {
        add(rd, el('pre', null, (r.id ? r.id : '(no id)') + (r.score != null ? ' · score ' + r.score : '') + (r.source ? ' · ' + r.source : '') + '\n' + txt(r.text)));
      });
      box.appendChild(rd);
    }
    box.appendChild(field('Final answer', t.output || '(empty)', 'answer'));
    if (t.stderr) box.appendChild(field('stderr', t.stderr));
    var rest = {};
    Object.keys(meta).forEach(function (k) { if (k !== 'sample' && k !== 'input') rest[k] = meta[k]; });
    if (Object.keys(rest).length) {
      var md = el('details'); add(md, el('summary', null, 'Metadata'), el('pre', null, txt(rest)));
      box.appendChild(md);
    }
    return box;
  }

  // ---- labelling ------------------------------------------------------------------------------------
  var noteInput, toolInput, newInput, newMsg;
  function setMode(mode) {
    var i = S.cur, it = ITEMS[i];
    if (!it.id) return;
    var l = own(i);
    if (decided(l) && l.mode === mode) { delete l.mode; delete l.at; }
    else { l.mode = mode; l.at = new Date().toISOString(); }
    prune(it.id);
    save(); paintRow(i); paintPanel(); paintSummary();
  }
  function addMode() {
    var r = checkModeName(newInput.value);
    if (r.error) { newMsg.textContent = r.error; newInput.setAttribute('aria-invalid', 'true'); return; }
    newMsg.textContent = ''; newInput.removeAttribute('aria-invalid');
    if (isNew(r.name) && S.added.indexOf(r.name) < 0) S.added.push(r.name);
    newInput.value = '';
    var l = labelOf(S.cur);
    // Typing the mode already chosen keeps it (setMode would toggle it off).
    if (decided(l) && l.mode === r.name) { save(); paintPanel(); paintSummary(); return; }
    setMode(r.name);
  }
  function paintPanel() {
    var i = S.cur, it = ITEMS[i], l = labelOf(i);
    reviewBox.textContent = '';
    add(reviewBox, el('h2', null, 'Your review'));
    if (!it.id) { add(reviewBox, el('div', 'muted', 'This trace has no trace id: promote could not find it, so it cannot be labelled.')); return; }
    var pick = el('div', 'modes-pick'); pick.setAttribute('role', 'group'); pick.setAttribute('aria-label', 'Failure mode');
    allModes().forEach(function (m, k) {
      var b = el('button', 'mode-btn'); b.type = 'button'; b.setAttribute('data-mode', m);
      add(b, el('span', 'key', k < 9 ? String(k + 1) : ''), document.createTextNode(m));
      if (isNew(m)) add(b, document.createTextNode(' '), el('span', 'badge new', 'new'));
      var c = CONFIG[m];
      if (c && (c.description || c.severity)) b.title = (c.severity ? c.severity + ': ' : '') + (c.description || '');
      b.setAttribute('aria-pressed', String(decided(l) && l.mode === m));
      b.addEventListener('click', function () { setMode(m); });
      pick.appendChild(b);
    });
    var pass = el('button', 'mode-btn pass'); pass.type = 'button'; pass.id = 'no-failure';
    add(pass, el('span', 'key', '0'), document.createTextNode('No failure (pass)'));
    pass.setAttribute('aria-pressed', String(decided(l) && l.mode === null));
    pass.addEventListener('click', function () { setMode(null); });
    pick.appendChild(pass);
    var nm = el('div', 'newmode');
    newInput = el('input'); newInput.type = 'text'; newInput.id = 'new-mode'; newInput.placeholder = 'new failure mode, e.g. wrong_currency';
    newInput.setAttribute('aria-label', 'New failure mode');
    var addBtn = el('button', null, 'Add'); addBtn.type = 'button'; addBtn.id = 'add-mode';
    addBtn.addEventListener('click', addMode);
    newInput.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); addMode(); } });
    add(nm, newInput, addBtn);
    newMsg = el('div', 'msg'); newMsg.id = 'new-mode-msg'; newMsg.setAttribute('role', 'alert');
    noteInput = el('textarea'); noteInput.id = 'note'; noteInput.placeholder = 'What went wrong (or right)? Free text, kept with the label.';
    noteInput.setAttribute('aria-label', 'Note');
    noteInput.value = (l && l.note) || '';
    noteInput.addEventListener('input', function () {
      var o = own(S.cur); if (noteInput.value) o.note = noteInput.value; else delete o.note;
      prune(it.id); save(); paintPending();
    });
    toolInput = el('input'); toolInput.type = 'text'; toolInput.id = 'tool';
    toolInput.placeholder = 'tool it should have called (optional)';
    toolInput.setAttribute('aria-label', 'Tool it should have called');
    toolInput.value = (l && l.tool) || '';
    toolInput.addEventListener('input', function () {
      var o = own(S.cur), v = toolInput.value.trim(); if (v) o.tool = v; else delete o.tool;
      prune(it.id); save();
    });
    add(reviewBox, el('div', 'name', 'Failure mode'), pick, nm, newMsg,
      el('div', 'name', 'Note'), noteInput, el('div', 'name', 'Tool (for promote\'s suggested checks)'), toolInput);
  }

  // ---- summary: labels per failure mode, most frequent first ---------------------------------------
  function yamlKey(m) { return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(m) ? m : JSON.stringify(m); }
  function paintSummary() {
    var c = counts();
    progress.textContent = c.reviewed + ' of ' + c.total + ' reviewed';
    summaryBox.textContent = '';
    add(summaryBox, el('h2', null, 'Summary'));
    var table = el('table'); table.id = 'summary-table';
    var hr = el('tr'); ['Failure mode', 'Traces', 'Share'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    add(table, add(el('thead'), hr));
    var tb = el('tbody');
    function share(n) { return c.reviewed ? Math.round((n / c.reviewed) * 100) + '%' : '–'; }
    var newUsed = [];
    sortedModes(c.byMode).forEach(function (m) {
      var n = c.byMode[m] || 0;
      if (isNew(m) && n) newUsed.push(m);
      var tr = el('tr'); tr.setAttribute('data-mode', m);
      var name = el('td', 'mono', m);
      if (isNew(m)) add(name, document.createTextNode(' '), el('span', 'badge new', 'new'));
      add(tr, name, el('td', 'num', n), el('td', 'num', share(n)));
      tb.appendChild(tr);
    });
    var pr = el('tr'); pr.setAttribute('data-mode', '');
    add(pr, el('td', null, 'no failure'), el('td', 'num', c.pass), el('td', 'num', share(c.pass)));
    tb.appendChild(pr);
    add(summaryBox, add(table, tb));
    if (newUsed.length) {
      add(summaryBox, el('div', 'muted', 'New modes: add them to evalgate.yml before evalgate promote:'),
        el('pre', null, 'failure_modes:\n' + newUsed.map(function (m) { return '  ' + yamlKey(m) + ': major'; }).join('\n')));
    }
    paintPending();
  }
  function paintPending() {
    var n = 0;
    ITEMS.forEach(function (it, i) { var l = labelOf(i); if (l && !decided(l) && l.note) n++; });
    pending.textContent = n ? n + ' note(s) on traces without a mode or "no failure" are not in the download' : '';
  }

  // ---- the download: the labels file evalgate promote reads ----------------------------------------
  function labelsFile() {
    var c = counts(), byMode = {};
    sortedModes(c.byMode).forEach(function (m) { if (c.byMode[m]) byMode[m] = c.byMode[m]; });
    var head = { evalgate_review: {
      version: 1, sample: D.sample.name, sample_hash: D.sample.hash, reviewed: c.reviewed, traces: c.total,
      counts: byMode, no_failure: c.pass,
      new_modes: Object.keys(byMode).filter(isNew), exported_at: new Date().toISOString() } };
    var lines = [JSON.stringify(head)];
    ITEMS.forEach(function (it, i) {
      var l = labelOf(i);
      if (!decided(l)) return;
      var row = { trace_id: it.id, mode: l.mode };
      if (l.note) row.note = l.note;
      if (l.tool) row.tool = l.tool;
      if (l.at) row.labelled_at = l.at;
      lines.push(JSON.stringify(row));
    });
    return lines.join('\n') + '\n';
  }
  download.addEventListener('click', function () {
    var url = URL.createObjectURL(new Blob([labelsFile()], { type: 'application/x-ndjson' }));
    var a = el('a'); a.href = url;
    a.download = D.sample.name.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_') + '.labels.jsonl';
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  // ---- navigation ---------------------------------------------------------------------------------
  // keep: false on page load, which changes nothing and must not write: a load that read
  // nothing (storage not ready yet) would otherwise overwrite the reviewer's saved work.
  function select(i, keep) {
    if (!ITEMS.length) return;
    i = Math.max(0, Math.min(ITEMS.length - 1, i));
    if (rows[S.cur]) rows[S.cur].classList.remove('current');
    S.cur = i;
    rows[i].classList.add('current');
    rows[i].scrollIntoView({ block: 'nearest' });
    traceBox.textContent = '';
    traceBox.appendChild(traceView(i));
    paintPanel();
    if (keep !== false) save();
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (e.key === 'j') select(S.cur + 1);
    else if (e.key === 'k') select(S.cur - 1);
    else if (e.key === '0') setMode(null);
    else if (/^[1-9]$/.test(e.key)) { var m = allModes()[Number(e.key) - 1]; if (m !== undefined) setMode(m); }
    else if (e.key === 'n' && noteInput) { e.preventDefault(); noteInput.focus(); }
    else return;
  });

  ITEMS.forEach(function (it, i) { paintRow(i); });
  if (ITEMS.length) select(S.cur, false);
  else traceBox.appendChild(el('p', 'muted', 'The sample holds no trace.'));
  paintSummary();
  document.body.setAttribute('data-ready', '1');
})();
`;

;// CONCATENATED MODULE: ./build/review/page.js
/**
 * The review page of an imported sample (`evalgate review`): one self-contained HTML file, the
 * trace viewer's safety model (src/report/viewer.ts): the data sits in
 * `<script type="application/json">` blocks escaped by `jsonForScript` (redacted, nothing in it
 * can end the block), the page script builds the page with textContent only, and a CSP allows
 * no network and only our own script (by hash).
 *
 * Each trace has its own JSON block, parsed when the reviewer opens it (the list needs only
 * ids, strata and failed modes).
 */





const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
/** What the list shows of a trace: id, where it came from, why it was sampled. */
function listEntry({ trace, line }) {
    const meta = isObject(trace.metadata) ? trace.metadata : {};
    const sample = isObject(meta.sample) ? meta.sample : {};
    const input = meta.input ?? trace.messages?.findLast?.((m) => m.role === 'user')?.content;
    const preview = typeof input === 'string' ? input : input === undefined ? '' : JSON.stringify(input);
    return {
        id: typeof trace.trace_id === 'string' && trace.trace_id ? trace.trace_id : null,
        line,
        stratum: typeof sample.stratum === 'string' ? sample.stratum : null,
        failed: strings(sample.failed_modes),
        case: typeof sample.case === 'string' ? sample.case : null,
        source: typeof meta.source === 'string' ? meta.source : null,
        error: !!trace.error,
        preview: preview.slice(0, 160),
    };
}
function reviewData(traces, opts) {
    return {
        sample: { name: opts.sampleName, hash: opts.sampleHash },
        modes: opts.modes.map((m) => ({
            name: m.name,
            severity: m.severity ?? null,
            description: m.description ?? null,
        })),
        // The mode-name rules of the config (src/suite/config.ts): not empty, not the built-in one.
        reserved: [defaults/* ERRORS_MODE */.yg],
        traceUrl: opts.traceUrl ?? null,
        items: traces.map(listEntry),
    };
}
const SCRIPT_HASH = `sha256-${(0,external_node_crypto_.createHash)('sha256').update(REVIEW_JS, 'utf8').digest('base64')}`;
/** One self-contained HTML file to review the sample's traces; open it from disk. */
function renderReviewPage(traces, opts) {
    const csp = [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        `script-src '${SCRIPT_HASH}'`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const parts = [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        // The sample's name is set by the script (textContent): nothing from the data in the markup.
        '<title>evalgate review</title>',
        `<style>${viewer_assets/* VIEWER_CSS */.d}${REVIEW_CSS}</style>`,
        '</head>',
        '<body>',
        '<div id="app"></div>',
        '<noscript>This review page needs JavaScript; the traces are in the JSON blocks of this file.</noscript>',
        `<script type="application/json" id="review-data">${(0,viewer/* jsonForScript */.vN)(reviewData(traces, opts))}</script>`,
    ];
    traces.forEach((t, i) => parts.push(`<script type="application/json" id="review-t${i}">${(0,viewer/* jsonForScript */.vN)(t.trace)}</script>`));
    // After the trace blocks: a sample is small, and the first trace shown needs its block.
    parts.push(`<script>${REVIEW_JS}</script>`, '</body>', '</html>', '');
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./build/review/command.js
/**
 * `evalgate review <sample.jsonl>`: writes the review page of a sample (`evalgate sample`'s
 * output, or any evalgate traces file). A person reads each trace, writes a note, picks a
 * failure mode (the config's, or a new one) or "no failure", and downloads the labels file
 * `evalgate promote --labels` reads (docs/import.md "Reviewing a sample").
 */









/** sha256 of the file's bytes, streamed. */
async function fileHash(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), hash);
    return hash.digest('hex');
}
/** The sample's traces; a trace id seen before is dropped (a label names one trace). */
async function readSample(path, log) {
    const shown = (0,errors/* displayPath */.Gt)(path);
    const traces = [];
    const seen = new Set();
    let duplicates = 0;
    try {
        for await (const { value, line } of (0,jsonl_stream/* readJsonLines */.s)(path, shown)) {
            const r = (0,trace/* normalizeTrace */.v)(value);
            if ('error' in r)
                throw (0,errors/* suiteError */.lJ)([{ file: shown, line, message: `not a trace: ${r.error}` }]);
            const id = r.trace.trace_id;
            if (id) {
                if (seen.has(id)) {
                    duplicates++;
                    continue;
                }
                seen.add(id);
            }
            traces.push({ trace: r.trace, line });
        }
    }
    catch (err) {
        if (err.code)
            throw (0,errors/* suiteError */.lJ)([{ file: shown, message: `cannot read: ${err.message}` }]);
        throw err;
    }
    if (duplicates)
        log(`${duplicates} trace(s) repeat an earlier trace id: shown once`);
    const noId = traces.filter((t) => !t.trace.trace_id).length;
    if (noId)
        log(`${noId} trace(s) have no trace_id: shown, but they cannot be labelled (promote finds traces by id)`);
    return traces;
}
async function reviewCommand(opts, log) {
    const traces = await readSample(opts.sample, log);
    const html = renderReviewPage(traces, {
        sampleName: (0,external_node_path_.basename)(opts.sample),
        sampleHash: await fileHash(opts.sample),
        modes: opts.modes,
        traceUrl: opts.traceUrl,
    });
    await (0,promises_.writeFile)(opts.out, html);
    log(`wrote the review page of ${traces.length} trace(s) (${opts.modes.length} failure mode(s) to pick from) to ${(0,errors/* displayPath */.Gt)(opts.out)}: open it in a browser, label, download, then evalgate promote --labels`);
    return 0;
}


/***/ }),

/***/ 78862:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readJsonLines)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80481);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70156);
/**
 * A JSON-lines file read one value at a time (imports, samples, labelled traces: files that can
 * be larger than memory should hold). Blank lines are skipped; a line that is not JSON is a
 * SuiteError with the file and the line, like every other input error.
 */



async function* readJsonLines(path, 
/** The file as messages name it. */
shown, 
/** A cheap test on the raw line: lines it rejects are not parsed at all. */
keep) {
    const lines = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
        line++;
        if (!text.trim() || (keep && !keep(text)))
            continue;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            // V8 appends "(line 1 column n)" of the one line: the file's line says more.
            const message = err.message.replace(/\s*\(line.*$/, '');
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteError */ .lJ)([{ file: shown, line, message: `not valid JSON: ${message}` }]);
        }
        yield { value, line };
    }
}


/***/ })

};
