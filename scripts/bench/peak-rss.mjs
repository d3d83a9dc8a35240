// Loaded with `node --import` by scripts/bench-memory.ts: prints the process's peak resident set
// and wall time on exit, for any evalgate command (not only `run --stats`).
const started = performance.now();
process.on('exit', () => {
  const stats = {
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    wall_ms: Math.round(performance.now() - started),
  };
  process.stderr.write(`evalgate-peak ${JSON.stringify(stats)}\n`);
});
