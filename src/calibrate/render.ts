/**
 * The calibration report: a table per judge for the terminal and the same as markdown, then the
 * disagreements with the judge's reason and the person's note. Text from the suite and the judge
 * is untrusted: the markdown escapes it (src/report/markdown.ts), the CLI escapes terminal text.
 */
import { markdownTable } from 'markdown-table';
import { code, inline } from '../report/markdown.ts';
import {
  judgeStatus,
  type Calibration,
  type Floors,
  type JudgeCalibration,
} from './calibration.ts';

const rate = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const k2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const ci = (c: [number, number] | null) => (c ? `${c[0].toFixed(2)} to ${c[1].toFixed(2)}` : '–');

const HEAD = [
  'judge',
  'mode',
  'labels',
  'agree',
  'kappa (95% CI)',
  'true-pass',
  'true-fail',
  'errors',
  'may block',
];

function cells(
  j: JudgeCalibration,
  floors: Floors,
  name: (s: string) => string,
  mode: (s: string) => string = name,
): string[] {
  const s = judgeStatus(j, floors);
  return [
    name(j.title),
    mode(j.mode),
    String(j.n),
    rate(j.agreement),
    j.kappa === null ? '–' : `${k2(j.kappa)} (${ci(j.kappa_ci)})`,
    rate(j.true_pass_rate),
    rate(j.true_fail_rate),
    String(j.errors),
    s.calibrated ? 'yes' : `no: ${s.note.replace(/^judge not calibrated \((.*)\)$/, '$1')}`,
  ];
}

function floorsLine(f: Floors): string {
  return `A judge may block when it has at least ${f.min_labels} labels, kappa >= ${f.min_kappa} and a true-fail rate >= ${Math.round(f.min_true_fail_rate * 100)}% (judge.min_labels, judge.min_kappa, judge.min_true_fail_rate). Kappa's interval: Cohen's large-sample standard error.`;
}

/** Plain text, aligned columns (the CLI escapes control characters when printing). */
export function calibrationText(c: Calibration, floors: Floors = c.floors): string {
  const rows = [HEAD, ...c.judges.map((j) => cells(j, floors, (s) => s))];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = [
    `judge model ${c.model}: ${c.judges.length} judge(s), ${c.judges.reduce((n, j) => n + j.n, 0)} labelled verdict(s)`,
    '',
    ...rows.map((r) =>
      r
        .map((cell, i) => (i >= 2 && i <= 7 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    ),
  ];
  for (const j of c.judges) {
    if (!j.disagreements.length) continue;
    lines.push('', `${j.title} [${j.mode}]: ${j.disagreements.length} disagreement(s)`);
    for (const d of j.disagreements.slice(0, 20)) {
      lines.push(
        `  ${d.case} (check ${d.check}, trace ${d.trace_hash.slice(0, 12)}): person ${d.human}, judge ${d.judge}: ${d.reason}` +
          (d.note ? ` | note: ${d.note}` : ''),
      );
    }
    if (j.disagreements.length > 20) lines.push(`  … and ${j.disagreements.length - 20} more`);
  }
  for (const s of c.skipped)
    lines.push('', `skipped ${s.count} label(s): ${s.reason} (e.g. ${s.examples.join(', ')})`);
  lines.push('', floorsLine(floors));
  return lines.join('\n');
}

export function calibrationMarkdown(c: Calibration, floors: Floors = c.floors): string {
  const out = [
    '# Judge calibration',
    '',
    `Judge model ${code(c.model)}, ${c.created_at}. ${floorsLine(floors)}`,
    '',
    markdownTable(
      [
        HEAD,
        ...c.judges.map((j) =>
          cells(
            j,
            floors,
            (s) => inline(s, 120),
            (s) => code(s),
          ),
        ),
      ],
      {
        align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
        alignDelimiters: false,
      },
    ),
  ];
  for (const j of c.judges) {
    if (!j.disagreements.length) continue;
    out.push(
      '',
      `## ${inline(j.title, 120)} (${code(j.mode)}): ${j.disagreements.length} disagreement(s)`,
      '',
    );
    out.push(
      markdownTable(
        [
          ['Case', 'Trace', 'Person', 'Judge', "Judge's reason", 'Note'],
          ...j.disagreements
            .slice(0, 100)
            .map((d) => [
              code(d.case),
              code(d.trace_hash.slice(0, 12)),
              d.human,
              d.judge,
              inline(d.reason, 300),
              d.note ? inline(d.note, 200) : '',
            ]),
        ],
        { alignDelimiters: false },
      ),
    );
  }
  for (const s of c.skipped)
    out.push(
      '',
      `- Skipped ${s.count} label(s): ${inline(s.reason, 200)} (e.g. ${s.examples.map((e) => inline(e, 80)).join(', ')})`,
    );
  return out.join('\n') + '\n';
}
