/**
 * The part of the viewer's page script that reads its data blocks (src/report/viewer-blocks.ts):
 * the header, the case index block by block, a case's trace blocks (one per side) when the case
 * is opened, and the output blocks a search reads.
 *
 * A JSON block is parsed at once; a compressed one (base64 of gzip) is decoded with
 * DecompressionStream, which is asynchronous: `whenRead(v, fn)` runs `fn` now for a value and
 * later for a promise, so small (uncompressed) viewers behave exactly as before. Decoded trace
 * blocks are kept for the last few opened, so memory stays bounded however many cases a reviewer
 * opens. Runs inside the page script's function (see VIEWER_JS).
 */
export const VIEWER_DATA_JS = String.raw`
  var D = JSON.parse(document.getElementById('evalgate-data').textContent);
  var TOTAL = D.total;
  var C = new Array(TOTAL); // the index entries, filled block by block
  var loaded = 0;           // C[0 .. loaded) are read
  var complete = false;     // every index block is read
  var byId = null;          // anchor id -> position, once complete
  var domReady = new Promise(function (resolve) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { resolve(); });
    else resolve();
  });

  function isPromise(v) { return !!v && typeof v.then === 'function'; }
  function whenRead(v, fn) { return isPromise(v) ? v.then(fn) : fn(v); }
  function bytesOf(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  // A block's value: now for JSON text, a promise for a compressed block, null when the parser
  // has not reached it yet. A block that does not decode reads as empty.
  function readBlock(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    if (node.type === 'application/json') {
      try { return JSON.parse(node.textContent); } catch (e) { return []; }
    }
    try {
      var stream = new Blob([bytesOf(node.textContent.trim())]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Response(stream).text().then(JSON.parse).catch(function () { return []; });
    } catch (e) { return []; }
  }

  // Index blocks of D.indexChunk cases each, in list order; they precede this script. first()
  // once the first block is read, all(wasPartial) once every block is (at once when the first
  // was the only one).
  function readIndex(first, all) {
    var wasPartial = false;
    function next(k) {
      var start = k * D.indexChunk, last = start + D.indexChunk >= TOTAL;
      whenRead(start < TOTAL ? readBlock('evalgate-i' + k) || [] : [], function (part) {
        for (var j = 0; j < part.length; j++) C[start + j] = part[j];
        loaded = Math.max(loaded, Math.min(TOTAL, start + part.length));
        if (last) {
          complete = true;
          byId = new Map();
          for (var i = 0; i < loaded; i++) if (C[i]) byId.set(wellFormed(C[i].id), i);
        }
        if (k === 0) { wasPartial = !last; first(); }
        if (last) all(wasPartial);
        else next(k + 1);
      });
    }
    next(0);
  }

  // Each side's trace blocks (block k from position D.starts[side][k] on), in that side's results
  // order, after this script: 'evalgate-<side>s<k>' holds each entry's distinct outputs,
  // 'evalgate-<side>t<k>' the block's pool of checks and documents, then each entry's trials (a
  // trial's output is its 'o'-th output, its checks and retrieved documents are named by their
  // places in the pool). The decoded ones kept, the least recently used dropped past TRACE_KEEP.
  var TRACE_KEEP = 24;
  var traceBlocks = new Map();
  function both(a, b, fn) { return whenRead(a, function (x) { return whenRead(b, function (y) { return fn(x, y); }); }); }
  // A block's entries whole again: outputs, checks and retrieved documents back in their trials.
  function joinOutputs(text, rest) {
    var pool = Array.isArray(rest[0]) ? rest[0] : [], entries = rest.slice(1);
    function fromPool(refs) { return refs.map(function (n) { return pool[n]; }); }
    for (var j = 0; j < entries.length; j++) {
      var o = text[j] || [], ts = (entries[j] && entries[j].t) || [];
      for (var n = 0; n < ts.length; n++) {
        var t = ts[n];
        if (!t) continue;
        if (Array.isArray(t.ck)) t.checks = fromPool(t.ck);
        if (!t.trace) continue;
        if (typeof t.o === 'number') t.trace.output = o[t.o];
        if (Array.isArray(t.trace.rv)) t.trace.retrieved = fromPool(t.trace.rv);
      }
    }
    return entries;
  }
  function traceBlock(key, k) {
    var id = key + k, v = traceBlocks.get(id);
    if (v !== undefined) { traceBlocks.delete(id); traceBlocks.set(id, v); return v; }
    var text = readBlock('evalgate-' + key + 's' + k), rest = readBlock('evalgate-' + key + 't' + k);
    if (text === null || rest === null) {
      if (document.readyState !== 'loading') return [];
      return domReady.then(function () { return traceBlock(key, k); });
    }
    v = both(text, rest, joinOutputs);
    if (isPromise(v)) {
      var pending = v.then(function (part) {
        if (traceBlocks.get(id) === pending) traceBlocks.set(id, part);
        return part;
      });
      v = pending;
    }
    traceBlocks.set(id, v);
    while (traceBlocks.size > TRACE_KEEP) traceBlocks.delete(traceBlocks.keys().next().value);
    return v;
  }
  // The last block starting at or before position p.
  function blockOf(starts, p) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= p) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function sideEntry(key, s) {
    if (!s || typeof s.at !== 'number' || s.at < 0) return null;
    var k = blockOf(D.starts[key], s.at);
    return whenRead(traceBlock(key, k), function (part) {
      return part[s.at - D.starts[key][k]] || null;
    });
  }
  // A case's traces: a value, or a promise of one.
  function traces(i) {
    var c = C[i];
    return both(sideEntry('b', c.b), sideEntry('h', c.h), function (b, h) {
      var input = h && h.input !== undefined ? h.input : b ? b.input : undefined;
      return { input: input, b: (b && b.t) || [], h: (h && h.t) || [] };
    });
  }

  // The outputs a search reads beyond the index: per block, each entry's outputs as one
  // lower-cased text. Kept up to TEXT_KEEP characters (a second search then decodes nothing);
  // past that, decoded again each search.
  var TEXT_KEEP = 64e6, textKept = 0, textBlocks = new Map();
  function outputBlock(key, k) {
    var id = key + k, v = textBlocks.get(id);
    if (v) return v;
    var raw = readBlock('evalgate-' + key + 's' + k);
    if (raw === null) {
      if (document.readyState !== 'loading') return [];
      return domReady.then(function () { return outputBlock(key, k); });
    }
    return whenRead(raw, function (part) {
      var hay = new Array(part.length), size = 0;
      for (var j = 0; j < part.length; j++) { hay[j] = (part[j] || []).join('\n').toLowerCase(); size += hay[j].length; }
      if (textKept + size <= TEXT_KEEP) { textBlocks.set(id, hay); textKept += size; }
      return hay;
    });
  }
`;
