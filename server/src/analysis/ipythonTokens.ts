/**
 * Python's tokenizer as far as IPython's transforms look (`ipythonLineMagics.ts`),
 * and the `str` methods they call, with Python's own rules (whitespace, `repr`).
 */

import type { CellLine } from './ipythonSyntax';

type TokenType = 'name' | 'op' | 'error' | 'string' | 'number' | 'comment' | 'indent';

export interface Token {
  type: TokenType;
  text: string;
  line: number;
  col: number;
}

export interface LogicalLine {
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
export function logicalLine(lines: CellLine[], start: number, indents: number[]): LogicalLine {
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

// ---------------------------------------------------------------- Python's str methods

export function partition(s: string, sep: string): [string, string] {
  const k = s.indexOf(sep);
  return k < 0 ? [s, ''] : [s.slice(0, k), s.slice(k + sep.length)];
}

const PY_WHITESPACE = '[\\s\\x1c-\\x1f\\x85]';
const RSTRIP = new RegExp(`${PY_WHITESPACE}+$`, 'u');

export function pyRstrip(s: string): string {
  return s.replace(RSTRIP, '');
}

export function pySplit(s: string): string[] {
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
