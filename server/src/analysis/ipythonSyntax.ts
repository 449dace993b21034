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
 *
 * Here: the cleanup and the cell magic; the token transforms are in
 * `ipythonLineMagics.ts`, the tokenizer they read with in `ipythonTokens.ts`.
 */

import { stripOptions, tokenTransforms } from './ipythonLineMagics';
import { partition, pyRepr, pyRstrip } from './ipythonTokens';

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
