/**
 * IPython's token transforms (IPython/core/inputtransformer2.py), for
 * `ipythonSyntax.ts`: at the start of each logical line, `a = %magic`,
 * `a = !cmd`, `%magic`, `!cmd`, `!!cmd`, `?obj`, `obj?`, `,f a b`, `;f a b`
 * and `/f a b` become the `get_ipython()...` call IPython makes; with
 * `runMagicBodies`, `%time STMT` runs STMT where the magic stood.
 */

import type { CellLine } from './ipythonSyntax';
import { logicalLine, partition, pyRepr, pyRstrip, pySplit, type LogicalLine, type Token } from './ipythonTokens';

/** Line magics whose argument runs as Python in the user's namespace (and gives its value). */
const ARGUMENT_RUNNING_LINE_MAGICS = new Set(['time', 'prun']);

/** The options each of those magics reads before its code: `%time --no-raise-error`, `%prun -q -s cumtime`. */
const MAGIC_OPTIONS: Record<string, RegExp> = {
  time: /^\s*(--no-raise-error(\s+|$))?/,
  prun: /^(\s*-([rq]+|[DlsT]\s*\S+)(\s+|$))*\s*/,
  capture: /^/,
};

export function stripOptions(name: string, args: string): string {
  return args.replace(MAGIC_OPTIONS[name] ?? /^/, '');
}

/** IPython's limit on token transforms per cell. */
const TRANSFORM_LOOP_LIMIT = 500;

interface Candidate {
  kind: 'magicAssign' | 'systemAssign' | 'escaped' | 'helpEnd';
  line: number;
  col: number;
  priority: number;
  /** helpEnd: the line of the `?`. */
  qLine?: number;
}

/** `_find_assign_op`: the first `=` outside brackets. */
function assignIndex(tokens: Token[]): number {
  let level = 0;
  for (let k = 0; k < tokens.length; k++) {
    const s = tokens[k].text;
    if (tokens[k].type === 'op' && s === '=' && level === 0) return k;
    if (s === '(' || s === '[' || s === '{') level++;
    else if ((s === ')' || s === ']' || s === '}') && level > 0) level--;
  }
  return -1;
}

const ESCAPE_SINGLES = new Set(['!', '?', '%', ',', ';', '/']);

function candidatesOf(line: LogicalLine, lines: CellLine[], blocked: Set<string>): Candidate[] {
  const t = line.tokens;
  const out: Candidate[] = [];
  const a = assignIndex(t);
  if (a >= 0 && t.length >= a + 2) {
    const next = t[a + 1];
    if (next && next.text === '%' && next.type === 'op' && t[a + 2]?.type === 'name') {
      out.push({ kind: 'magicAssign', line: next.line, col: next.col, priority: 10 });
    }
    if (next && next.type === 'error' && next.text === '!' && !lines[t[a].line].text.trim().startsWith('=')) {
      out.push({ kind: 'systemAssign', line: next.line, col: next.col, priority: 10 });
    }
  }
  const firstReal = t.find((x) => x.type !== 'indent');
  // An escape is the first token of the logical line; `%=` or `//` are other operators.
  if (firstReal && (firstReal.type === 'op' || firstReal.type === 'error') && ESCAPE_SINGLES.has(firstReal.text)) {
    out.push({ kind: 'escaped', line: firstReal.line, col: firstReal.col, priority: 10 });
  }
  // HelpEnd: the last token before NEWLINE is `?` (tokenize counts INDENT/DEDENT and NEWLINE too).
  const last = t[t.length - 1];
  if (last && last.text === '?' && last.type === 'error' && t.length + 1 > 2 && firstReal) {
    out.push({ kind: 'helpEnd', line: firstReal.line, col: firstReal.col, priority: 5, qLine: last.line });
  }
  return out
    .filter((c) => !blocked.has(c.kind))
    .sort((x, y) => x.line - y.line || x.col - y.col || x.priority - y.priority);
}

export function tokenTransforms(lines: CellLine[], runBodies: boolean): CellLine[] {
  const blocked = new Set<string>();
  const indents = [0];
  let count = 0;
  for (let i = 0; i < lines.length;) {
    const snapshot = [...indents];
    const logical = logicalLine(lines, i, indents);
    let applied = false;
    if (count < TRANSFORM_LOOP_LIMIT) {
      for (const c of candidatesOf(logical, lines, blocked)) {
        if (apply(c, lines, runBodies)) {
          applied = true;
          count++;
          break;
        }
        blocked.add(c.kind); // IPython's find() keeps returning this one, which keeps failing
      }
    }
    if (applied) {
      indents.splice(0, indents.length, ...snapshot); // read the new line again
      continue;
    }
    i = logical.next;
  }
  return lines;
}

/** The last physical line of a line continued with backslashes. */
function endOfContinuedLine(lines: CellLine[], start: number): number {
  let end = start;
  while (end < lines.length - 1 && lines[end].text.endsWith('\\')) end++;
  return end;
}

/** The continued pieces joined with spaces, from (line, col). */
function assembleContinuedLine(lines: CellLine[], line: number, col: number, end: number): string {
  const parts = [lines[line].text.slice(col), ...lines.slice(line + 1, end + 1).map((l) => l.text)];
  return [...parts.slice(0, -1).map((p) => pyRstrip(p).slice(0, -1)), pyRstrip(parts[parts.length - 1])].join(' ');
}

/** Replaces lines start..end by one line, the others emptied and not kept. */
function replace(lines: CellLine[], start: number, end: number, text: string, shift: number): void {
  lines[start] = { text, shift, kept: true };
  for (let k = start + 1; k <= end; k++) lines[k] = { text: '', shift: lines[k].shift, kept: false };
}

function apply(c: Candidate, lines: CellLine[], runBodies: boolean): boolean {
  const src = lines[c.line];
  const prefix = src.text.slice(0, c.col);
  switch (c.kind) {
    case 'magicAssign': {
      const end = endOfContinuedLine(lines, c.line);
      const [name, args] = partition(assembleContinuedLine(lines, c.line, c.col, end).slice(1), ' ');
      if (!(runBodies && runMagicArgument(lines, c, end, name, args))) {
        replace(
          lines,
          c.line,
          end,
          `${prefix}get_ipython().run_line_magic(${pyRepr(name)}, ${pyRepr(args)})`,
          src.shift,
        );
      }
      return true;
    }
    case 'systemAssign': {
      const end = endOfContinuedLine(lines, c.line);
      const cmd = assembleContinuedLine(lines, c.line, c.col, end).slice(1);
      replace(lines, c.line, end, `${prefix}get_ipython().getoutput(${pyRepr(cmd)})`, src.shift);
      return true;
    }
    case 'escaped': {
      const end = endOfContinuedLine(lines, c.line);
      const line = assembleContinuedLine(lines, c.line, c.col, end);
      const two = line.slice(0, 2);
      const [escape, content] =
        line.length > 1 && (two === '!!' || two === '??') ? [two, line.slice(2)] : [line[0], line.slice(1)];
      if (runBodies && escape === '%' && runMagicArgument(lines, c, end, ...partition(content, ' '))) return true;
      const call = escapedCall(escape, content);
      if (call === undefined) return false;
      replace(lines, c.line, end, prefix + call, src.shift);
      return true;
    }
    case 'helpEnd': {
      const qLine = c.qLine ?? c.line;
      const piece = lines
        .slice(c.line, qLine + 1)
        .map((l) => l.text)
        .join('\n');
      const m = HELP_END.exec(piece.slice(c.col));
      if (!m) return false;
      replace(lines, c.line, qLine, prefix + helpCall(m[1], m[3]), src.shift);
      return true;
    }
  }
}

/** `%time STMT` runs STMT where the magic stood (`x = %time f()` assigns f()'s value). */
function runMagicArgument(lines: CellLine[], c: Candidate, end: number, name: string, args: string): boolean {
  const code = stripOptions(name, args);
  if (!ARGUMENT_RUNNING_LINE_MAGICS.has(name) || code.trim() === '') return false;
  const src = lines[c.line];
  const at = src.text.indexOf(code, c.col);
  replace(lines, c.line, end, src.text.slice(0, c.col) + code, src.shift + (at < 0 ? 0 : at - c.col));
  return true;
}

const HELP_END = /(%{0,2}(?!\d)[\p{L}\p{N}_*]+(\.(?!\d)[\p{L}\p{N}_*]+|\[-?[0-9]+\])*)(\?\??)$/u;

function helpCall(target: string, esc: string): string {
  const method = esc === '??' ? 'pinfo2' : target.includes('*') ? 'psearch' : 'pinfo';
  return `get_ipython().run_line_magic(${pyRepr(method)}, ${pyRepr(target)})`;
}

/** IPython's `tr` table; undefined where it raises SyntaxError (`/` with no callable). */
function escapedCall(escape: string, content: string): string | undefined {
  const [name, args] = partition(content, ' ');
  switch (escape) {
    case '!':
      return `get_ipython().system(${pyRepr(content)})`;
    case '!!':
      return `get_ipython().getoutput(${pyRepr(content)})`;
    case '?':
      return content ? helpCall(content, '?') : 'get_ipython().show_usage()';
    case '??':
      return content ? helpCall(content, '??') : 'get_ipython().show_usage()';
    case '%':
      return `get_ipython().run_line_magic(${pyRepr(name)}, ${pyRepr(args)})`;
    case ',':
      return `${name}("${pySplit(args).join('", "')}")`;
    case ';':
      return `${name}("${args}")`;
    case '/':
      return name === '' ? undefined : `${name}(${pySplit(args).join(', ')})`;
    default:
      return '';
  }
}
