/** The comment's last lines: the run, viewer and artifact links, how to reproduce, the marker. */
import { code, clean, link, neutralize } from '../markdown.ts';
import type { Ctx } from './context.ts';

function shellArg(s: string): string {
  return /^[A-Za-z0-9_./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A code span that its content cannot close (for commands built from refs). */
function codeSpanOf(s: string): string {
  // Neutralised like everything else: a ref such as `@org/team` must not notify anyone, and
  // none can carry our hidden marker verbatim.
  const flat = neutralize(clean(s, 300).replace(/\s+/g, ' ')).replace(/<!--/g, '<!\u200d--');
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}

export function footer(ctx: Ctx, marker: string): string {
  const { o } = ctx;
  const links = [
    link('Workflow run', o.runUrl),
    link('Trace viewer', o.viewerUrl),
    link('Artifact (results, comparison, viewer)', o.artifactUrl),
  ].filter((s) => s.startsWith('['));
  const lines = ['---', ''];
  if (links.length) lines.push(links.join(' · '), '');
  const baseRef = o.baseRef ?? ctx.c.base?.ref ?? '<base>';
  const headRef = o.headRef ?? ctx.c.head?.ref ?? '<head>';
  // Refs are attacker-chosen on a fork PR: quote them for the shell and keep the span closed.
  // `evalgate`, not `npx evalgate`: npx needs the package on the registry (README "Install").
  lines.push(
    `Reproduce locally: ${codeSpanOf(`evalgate pr --base ${shellArg(baseRef)} --head ${shellArg(headRef)}`)}`,
  );
  if (ctx.c.verdict === 'block' && !ctx.c.accepted) {
    lines.push(
      '',
      `If this change is intended, add the ${code(ctx.acceptLabel, 100)} label to the pull request to accept it.`,
    );
  }
  lines.push('', marker);
  return lines.join('\n');
}
