// The `evalgate` command: bundled to dist/cli/index.js, which bin/evalgate.js loads.
import { main } from './cli.ts';
import { terminalText } from './report/plain.ts';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`evalgate: ${terminalText((err as Error)?.message ?? String(err))}\n`);
    process.exitCode = 3;
  },
);
