/**
 * One notebook cell read as IPython reads it: IPython 9's
 * `TransformerManager.transform_cell` (IPython/core/inputtransformer2.py),
 * step for step. The cleanup (leading blank lines, `textwrap.dedent`, `>>>`
 * and `In [1]:` prompts), the cell magic (`%%name` on the first line), then
 * the token transforms at the start of each logical line: `a = %magic`,
 * `a = !cmd`, `%magic`, `!cmd`, `!!cmd`, `?obj`, `obj?`, `,f a b`, `;f a b`,
 * `/f a b`, each turned into the same `get_ipython()...` call IPython makes.
 * The tests hold the output to IPython's own on recorded cells.
 *
 * Unlike IPython, lines are never merged or dropped: a line IPython removes
 * (a leading blank line, a line joined to the one before by `\`) becomes an
 * empty line that is not `kept`, so line i of the output is line i of the cell.
 *
 * With `runMagicBodies`, the result is the Python that runs rather than
 * IPython's text: the body of a `%%capture` or `%%time` cell runs (both run it
 * in the user's namespace, transformed again), `%time STMT` runs STMT, and the
 * lines of any other cell magic (`%%bash`, `%%writefile`, `%%html`, ...) are
 * empty: they are not Python.
 */

export interface CellLine {
  /** The line's Python. */
  text: string;
  /** Columns cut from the start of the cell's line (dedent, a prompt, `%time `): cell column = column + shift. */
  shift: number;
  /** False where IPython drops the line or where, with `runMagicBodies`, it does not run as Python. */
  kept: boolean;
}

/** Cell magics whose body IPython runs as Python in the user's namespace (recorded from IPython by the tests). */
const BODY_RUNNING_CELL_MAGICS = new Set(['capture', 'time', 'prun']);
/** Line magics whose argument runs as Python in the user's namespace (and gives its value). */
const ARGUMENT_RUNNING_LINE_MAGICS = new Set(['time', 'prun']);

/** The options each of those magics reads before its code: `%time --no-raise-error`, `%prun -q -s cumtime`. */
const MAGIC_OPTIONS: Record<string, RegExp> = {
  time: /^\s*(--no-raise-error(\s+|$))?/,
  prun: /^(\s*-([rq]+|[DlsT]\s*\S+)(\s+|$))*\s*/,
  capture: /^/,
};

function stripOptions(name: string, args: string): string {
  return args.replace(MAGIC_OPTIONS[name] ?? /^/, '');
}

/** IPython's limit on token transforms per cell. */
const TRANSFORM_LOOP_LIMIT = 500;

export function transformCell(source: string, opts: { runMagicBodies?: boolean } = {}): CellLine[] {
  const lines = source.split(/\r\n|\r|\n/).map((text) => ({ text, shift: 0, kept: true }));
  // A final line break ends the last line (IPython's lines keep their ends); the empty line after it stays as it is.
  const end = lines.length > 1 && lines[lines.length - 1].text === '' ? lines.pop() : undefined;
  const out = transformLines(lines, opts.runMagicBodies === true);
  return end ? [...out, end] : out;
}

function transformLines(lines: CellLine[], runBodies: boolean): CellLine[] {
  // leading_empty_lines: IPython drops them; here they stay, empty and not kept.
  let first = lines.findIndex((l) => /\S/.test(l.text));
  if (first === -1) first = 0;
  for (let i = 0; i < first; i++) lines[i] = { text: '', shift: lines[i].shift, kept: false };
  const cell = lines.slice(first);
  dedent(cell);
  classicPrompt(cell);
  ipythonPrompt(cell);
  const magic = cellMagic(cell, runBodies);
  const out = magic ?? tokenTransforms(cell, runBodies);
  return [...lines.slice(0, first), ...out];
}

// ---------------------------------------------------------------- cleanup

/** `textwrap.dedent`: whitespace-only lines emptied, the common leading whitespace removed. */
function dedent(lines: CellLine[], from = 0, to = lines.length): void {
  let margin: string | undefined;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (/^[ \t]+$/.test(l.text)) l.text = '';
    const m = /^([ \t]*)[^ \t]/.exec(l.text);
    if (!m) continue;
    const indent = m[1];
    if (margin === undefined || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let k = 0;
      while (k < margin.length && margin[k] === indent[k]) k++;
      margin = margin.slice(0, k);
    }
  }
  if (!margin) return;
  for (let i = from; i < to; i++) strip(lines[i], lines[i].text.startsWith(margin) ? margin.length : 0);
}

function strip(line: CellLine, n: number): void {
  if (n === 0) return;
  line.text = line.text.slice(n);
  line.shift += n;
}

const DOCTEST_INITIAL = /^\s*>>>/;
const DOCTEST_PS1 = /^\s*>>>[ \t]?/;
const DOCTEST_PS2 = /^\s*\.\.\.[ \t]?/;
const TRIPLE_QUOTE = /(?<!\\)("""|''')/g;

/** Which lines are inside a triple-quoted string that keeps its `>>>` (IPython's heuristic). */
function tripleQuoteMask(lines: CellLine[]): boolean[] {
  const mask: boolean[] = [];
  let inTriple: string | null = null;
  let preserve = false;
  let seenPrompt = false;
  for (const { text } of lines) {
    mask.push(inTriple !== null && preserve);
    for (const m of text.matchAll(TRIPLE_QUOTE)) {
      const q = m[1];
      if (inTriple === null) {
        inTriple = q;
        const before = text.slice(0, m.index);
        const stripped = before.replace(DOCTEST_PS1, '').replace(DOCTEST_PS2, '');
        const prompted = stripped !== before && seenPrompt;
        preserve = !prompted && /^[rubf]*$/i.test(stripped.trim());
        mask[mask.length - 1] = preserve;
      } else if (inTriple === q) {
        inTriple = null;
        preserve = false;
      }
    }
    seenPrompt = seenPrompt || DOCTEST_INITIAL.test(text);
  }
  return mask;
}

/** `classic_prompt`: doctest `>>>` / `...` prompts, stripped where a `>>>` is outside a string. */
function classicPrompt(lines: CellLine[]): void {
  if (lines.length === 0) return;
  const mask = tripleQuoteMask(lines);
  if (!lines.some((l, i) => !mask[i] && DOCTEST_INITIAL.test(l.text))) return;
  const stripped = lines.map((l, i) => {
    if (mask[i]) return false;
    const m = DOCTEST_PS1.exec(l.text) ?? DOCTEST_PS2.exec(l.text);
    if (!m) return false;
    strip(l, m[0].length);
    return m[0].length > 0;
  });
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && mask[j] === mask[i]) j++;
    if (!mask[i] && stripped.slice(i, j).some(Boolean)) dedent(lines, i, j);
    i = j;
  }
}

const IPYTHON_PROMPT = /^(((\[nav\]|\[ins\])? )?In \[\d+\]: |\s*\.{3,}: ?)/;

/** `ipython_prompt`: `In [1]: ` and `...: ` prompts, stripped when the first or second line has one. */
function ipythonPrompt(lines: CellLine[]): void {
  if (lines.length === 0) return;
  if (!IPYTHON_PROMPT.test(lines[0].text) && !(lines.length > 1 && IPYTHON_PROMPT.test(lines[1].text))) return;
  for (const l of lines) {
    const m = IPYTHON_PROMPT.exec(l.text);
    if (m) strip(l, m[0].length);
  }
}

/** `cell_magic`: `%%name line` on the first line makes the whole cell one `run_cell_magic` call. */
function cellMagic(lines: CellLine[], runBodies: boolean): CellLine[] | undefined {
  if (lines.length === 0 || !lines[0].text.startsWith('%%') || /^%%[\p{L}\p{N}_]+\?/u.test(lines[0].text)) {
    return undefined;
  }
  const [name, firstLine] = partition(pyRstrip(lines[0].text.slice(2)), ' ');
  if (runBodies) {
    const head = { text: '', shift: lines[0].shift, kept: false };
    // `%%time STMT` with a body is IPython's UsageError: nothing runs.
    const runs = name !== 'time' || stripOptions(name, firstLine).trim() === '';
    if (BODY_RUNNING_CELL_MAGICS.has(name) && runs && lines.length > 1) {
      return [head, ...transformLines(lines.slice(1), true)];
    }
    return [head, ...lines.slice(1).map((l) => ({ text: '', shift: l.shift, kept: false }))];
  }
  const body = lines
    .slice(1)
    .map((l) => `${l.text}\n`)
    .join('');
  return [
    {
      text: `get_ipython().run_cell_magic(${pyRepr(name)}, ${pyRepr(firstLine)}, ${pyRepr(body)})`,
      shift: 0,
      kept: true,
    },
    ...lines.slice(1).map((l) => ({ text: '', shift: l.shift, kept: false })),
  ];
}

// ---------------------------------------------------------------- token transforms

type TokenType = 'name' | 'op' | 'error' | 'string' | 'number' | 'comment' | 'indent';

interface Token {
  type: TokenType;
  text: string;
  line: number;
  col: number;
}

interface LogicalLine {
  tokens: Token[];
  first: number;
  /** The line after it. */
  next: number;
}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>', '+=', '-=', '*=',
  '/=', '%=', '&=', '|=', '^=', '@=', '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']',
  '{', '}', ',', ':', ';', '.', '=',
]; // prettier-ignore

const NAME_START = /[\p{L}\p{Nl}_]/u;
const NAME_REST = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*/u;
const NUMBER =
  /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)([eE][+-]?\d[\d_]*)?[jJ]?)/;
const STRING_PREFIX = /^(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?$/;

/**
 * Python's tokenizer, as far as IPython's transforms look: the logical line
 * starting at physical line `start` (a statement start: no open bracket or
 * string), with its tokens and the indentation tokens before them.
 */
function logicalLine(lines: CellLine[], start: number, indents: number[]): LogicalLine {
  const tokens: Token[] = [];
  let depth = 0;
  let i = start;
  // Indentation: tokenize emits INDENT/DEDENT before the first token of a statement line.
  const text0 = lines[start].text;
  if (/[^ \t\f]/.test(text0) && !/^[ \t\f]*#/.test(text0)) {
    const col = indentColumn(text0);
    if (col > indents[indents.length - 1]) {
      indents.push(col);
      tokens.push({ type: 'indent', text: '', line: start, col: 0 });
    } else {
      while (indents.length > 1 && col < indents[indents.length - 1]) {
        indents.pop();
        tokens.push({ type: 'indent', text: '', line: start, col: 0 });
      }
    }
  }
  let pos = 0;
  let openString: OpenString | null = null as OpenString | null;
  while (i < lines.length) {
    const text = lines[i].text;
    let continued = false;
    if (openString) {
      const end = stringEnd(text, 0, openString.quote, openString.triple);
      if (end < 0) {
        if (openString.triple || text.endsWith('\\')) {
          i++;
          continue;
        }
        // tokenize makes the string and this whole line one error token.
        tokens.push({ type: 'error', text: '', line: openString.line, col: openString.col });
        openString = null;
        pos = text.length;
      } else {
        tokens.push({ type: 'string', text: '', line: openString.line, col: openString.col });
        openString = null;
        pos = end;
      }
    }
    while (pos < text.length) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\f') {
        pos++;
      } else if (c === '#') {
        tokens.push({ type: 'comment', text: text.slice(pos), line: i, col: pos });
        pos = text.length;
      } else if (c === '\\' && pos === text.length - 1) {
        continued = true;
        pos++;
      } else if (c === '"' || c === "'") {
        [pos, openString] = readString(text, pos, pos, i, tokens);
      } else if (NAME_START.test(c)) {
        const name = c + NAME_REST.exec(text.slice(pos + 1))![0];
        const q = text[pos + name.length];
        if ((q === '"' || q === "'") && STRING_PREFIX.test(name)) {
          [pos, openString] = readString(text, pos + name.length, pos, i, tokens);
        } else {
          tokens.push({ type: 'name', text: name, line: i, col: pos });
          pos += name.length;
        }
      } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[pos + 1] ?? ''))) {
        const m = NUMBER.exec(text.slice(pos))!;
        tokens.push({ type: 'number', text: m[0], line: i, col: pos });
        pos += m[0].length;
      } else {
        const op = OPERATORS.find((o) => text.startsWith(o, pos));
        if (op) {
          if (op === '(' || op === '[' || op === '{') depth++;
          else if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
        }
        tokens.push({ type: op ? 'op' : 'error', text: op ?? c, line: i, col: pos });
        pos += op ? op.length : 1;
      }
      if (openString) break;
    }
    pos = 0;
    if (openString) {
      i++;
      continue;
    }
    i++;
    if (depth === 0 && !continued) break;
  }
  return { tokens, first: start, next: Math.max(i, start + 1) };
}

interface OpenString {
  quote: string;
  triple: boolean;
  line: number;
  col: number;
}

/**
 * Reads a string literal whose quote is at `q` (its prefix from `start`): the position after it,
 * and the string still open at the end of the line (triple-quoted, or continued with `\`).
 */
function readString(
  text: string,
  q: number,
  start: number,
  line: number,
  tokens: Token[],
): [number, OpenString | null] {
  const quote = text[q];
  const triple = text.startsWith(quote.repeat(3), q);
  const body = q + (triple ? 3 : 1);
  const end = stringEnd(text, body, quote, triple);
  if (end >= 0) {
    tokens.push({ type: 'string', text: text.slice(start, end), line, col: start });
    return [end, null];
  }
  if (triple || text.endsWith('\\')) return [text.length, { quote, triple, line, col: start }];
  // tokenize: an unterminated single-quoted string is an error token for its quote; the rest reads on.
  if (start < q) tokens.push({ type: 'name', text: text.slice(start, q), line, col: start });
  tokens.push({ type: 'error', text: quote, line, col: q });
  return [q + 1, null];
}

/** The index just past the closing quote(s), or -1 if the line ends first. */
function stringEnd(text: string, from: number, quote: string, triple: boolean): number {
  for (let p = from; p < text.length; p++) {
    if (text[p] === '\\') p++;
    else if (triple ? text.startsWith(quote.repeat(3), p) : text[p] === quote) return p + (triple ? 3 : 1);
  }
  return -1;
}

/** tokenize's indentation column: tabs to the next multiple of 8, a form feed back to 0. */
function indentColumn(text: string): number {
  let col = 0;
  for (const c of text) {
    if (c === ' ') col++;
    else if (c === '\t') col = (Math.floor(col / 8) + 1) * 8;
    else if (c === '\f') col = 0;
    else break;
  }
  return col;
}

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

function tokenTransforms(lines: CellLine[], runBodies: boolean): CellLine[] {
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

// ---------------------------------------------------------------- Python's str methods

function partition(s: string, sep: string): [string, string] {
  const k = s.indexOf(sep);
  return k < 0 ? [s, ''] : [s.slice(0, k), s.slice(k + sep.length)];
}

const PY_WHITESPACE = '[\\s\\x1c-\\x1f\\x85]';
const RSTRIP = new RegExp(`${PY_WHITESPACE}+$`, 'u');

function pyRstrip(s: string): string {
  return s.replace(RSTRIP, '');
}

function pySplit(s: string): string[] {
  return s.split(new RegExp(`${PY_WHITESPACE}+`, 'u')).filter((x) => x !== '');
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's `repr()` of a str. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
      const code = ch.codePointAt(0)!;
      const hex = code.toString(16);
      out +=
        code < 0x100
          ? `\\x${hex.padStart(2, '0')}`
          : code < 0x10000
            ? `\\u${hex.padStart(4, '0')}`
            : `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}
