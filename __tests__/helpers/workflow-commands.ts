/**
 * Reads a log the way the GitHub Actions runner does (actions/runner, ActionCommandManager and
 * ActionCommand): lines end at `\n`, `\r\n` or a bare `\r` (.NET's ReadLine); a line is a command
 * when, after leading whitespace, it starts with `::name` (the current form), or when it holds
 * `##[name` anywhere (the older form, still parsed). Both stdout and stderr are read.
 */

export interface WorkflowCommand {
  /** The line as the runner saw it. */
  line: string;
  /** Command name, lower-case (`error`, `add-mask`, ...). */
  name: string;
  /** The data after the command, unescaped as the runner does. */
  data: string;
  form: 'v2' | 'legacy';
}

// .NET's String.TrimStart(): every char for which Char.IsWhiteSpace is true.
const LEADING_WS = /^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

export function workflowCommands(log: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of log.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(LEADING_WS, '');
    const v2 = /^::([A-Za-z0-9_-]+)(?:\s[^:]*)?::(.*)$/s.exec(trimmed);
    if (v2) {
      out.push({ line, name: v2[1].toLowerCase(), data: unescapeData(v2[2]), form: 'v2' });
      continue;
    }
    const legacy = /##\[([A-Za-z0-9_-]+)[^\]]*\](.*)$/s.exec(line);
    if (legacy) {
      out.push({ line, name: legacy[1].toLowerCase(), data: legacy[2], form: 'legacy' });
    }
  }
  return out;
}

/**
 * The commands evalgate itself means to issue: annotations whose message is ours (it starts with
 * `evalgate:`), and `add-mask` of the values in `masks`. Anything else came from data.
 */
export function unintendedCommands(log: string, masks: string[] = []): WorkflowCommand[] {
  return workflowCommands(log).filter((c) => {
    if (c.form !== 'v2') return true;
    if (['error', 'warning', 'notice'].includes(c.name)) return !c.data.startsWith('evalgate: ');
    if (c.name === 'add-mask') return !masks.includes(c.data);
    return true;
  });
}
