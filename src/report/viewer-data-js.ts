/**
 * The part of the viewer's page script that reads its data blocks (src/report/viewer-blocks.ts):
 * the header, the case index block by block, and a case's trace block when the case is opened.
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

  // Trace blocks of D.traceChunk cases each, after this script: the decoded ones kept, the
  // least recently used dropped past TRACE_KEEP.
  var TRACE_KEEP = 24;
  var traceBlocks = new Map();
  function traceBlock(k) {
    var v = traceBlocks.get(k);
    if (v !== undefined) { traceBlocks.delete(k); traceBlocks.set(k, v); return v; }
    v = readBlock('evalgate-t' + k);
    if (v === null) {
      if (document.readyState !== 'loading') return [];
      return domReady.then(function () { return traceBlock(k); });
    }
    if (isPromise(v)) {
      var pending = v.then(function (part) {
        if (traceBlocks.get(k) === pending) traceBlocks.set(k, part);
        return part;
      });
      v = pending;
    }
    traceBlocks.set(k, v);
    while (traceBlocks.size > TRACE_KEEP) traceBlocks.delete(traceBlocks.keys().next().value);
    return v;
  }
  // A case's traces: a value, or a promise of one.
  function traces(i) {
    return whenRead(traceBlock(Math.floor(i / D.traceChunk)), function (part) {
      return part[i % D.traceChunk] || { b: [], h: [] };
    });
  }
`;
