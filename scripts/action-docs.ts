/**
 * Writes the inputs/outputs tables of action.yml into a markdown file, between
 * `<!-- action-docs:start -->` and `<!-- action-docs:end -->`, so the docs never drift from the
 * action's real interface.
 *
 *   node scripts/action-docs.ts [file.md] [--check] [--action action.yml]
 *
 * `file.md` defaults to README.md. `--check` writes nothing and exits 1 when the file is out of
 * date (CI runs it); a file without the markers is an error (exit 1) in both modes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { markdownTable } from 'markdown-table';
import { parse } from 'yaml';

export const START = '<!-- action-docs:start -->';
export const END = '<!-- action-docs:end -->';

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: unknown;
}

interface ActionYml {
  inputs?: Record<string, ActionInput | null>;
  outputs?: Record<string, { description?: string } | null>;
}

/** One table cell: single line, pipes escaped (a `|` would split the cell). */
function cell(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

export function renderTables(actionYml: string): string {
  const action = (parse(actionYml) ?? {}) as ActionYml;
  const inputs = Object.entries(action.inputs ?? {}).map(([name, spec]) => [
    `\`${name}\``,
    cell(spec?.description ?? ''),
    spec?.default === undefined || spec.default === '' ? '' : `\`${cell(String(spec.default))}\``,
    spec?.required ? 'yes' : 'no',
  ]);
  const outputs = Object.entries(action.outputs ?? {}).map(([name, spec]) => [
    `\`${name}\``,
    cell(spec?.description ?? ''),
  ]);
  return [
    '### Inputs',
    '',
    markdownTable([['Input', 'Description', 'Default', 'Required'], ...inputs]),
    '',
    '### Outputs',
    '',
    markdownTable([['Output', 'Description'], ...outputs]),
  ].join('\n');
}

/** The document with the section between the markers replaced; undefined without markers. */
export function updateDocument(doc: string, tables: string): string | undefined {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END, start + START.length);
  if (start < 0 || end < 0) return undefined;
  return `${doc.slice(0, start + START.length)}\n\n${tables}\n\n${doc.slice(end)}`;
}

export function main(argv: string[]): number {
  const check = argv.includes('--check');
  const actionIdx = argv.indexOf('--action');
  const actionPath = actionIdx >= 0 ? argv[actionIdx + 1] : 'action.yml';
  const positional = argv.filter(
    (a, i) => !a.startsWith('--') && (actionIdx < 0 || i !== actionIdx + 1),
  );
  const target = positional[0] ?? 'README.md';

  const doc = readFileSync(target, 'utf8');
  const updated = updateDocument(doc, renderTables(readFileSync(actionPath, 'utf8')));
  if (updated === undefined) {
    process.stderr.write(`action-docs: ${target} has no ${START} ... ${END} markers\n`);
    return 1;
  }
  if (updated === doc) {
    process.stdout.write(`action-docs: ${target} is up to date\n`);
    return 0;
  }
  if (check) {
    process.stderr.write(
      `action-docs: ${target} is out of date with ${actionPath}; run: node scripts/action-docs.ts ${target}\n`,
    );
    return 1;
  }
  writeFileSync(target, updated);
  process.stdout.write(`action-docs: updated ${target}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
