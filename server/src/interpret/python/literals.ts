/**
 * Python literal syntax to values: integers in every base, floats, strings
 * (with prefixes and implicit concatenation), and the arithmetic the
 * interpreter folds on known numbers.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { pyMod } from '../../shapes/python/numbers';
import type { NumpyInt, PyValue } from '../../shapes/values';

export function parseIntLiteral(text: string): PyValue {
  const t = text.replace(/_/g, '').toLowerCase();
  let n: number;
  if (t.startsWith('0x')) n = parseInt(t.slice(2), 16);
  else if (t.startsWith('0o')) n = parseInt(t.slice(2), 8);
  else if (t.startsWith('0b')) n = parseInt(t.slice(2), 2);
  else if (t.endsWith('j')) return { kind: 'unknown', why: 'complex literal' };
  else n = parseInt(t, 10);
  return Number.isFinite(n) ? { kind: 'int', value: n } : { kind: 'unknown', why: 'integer literal' };
}

export function parseFloatLiteral(text: string): PyValue {
  const t = text.replace(/_/g, '').toLowerCase();
  if (t.endsWith('j')) return { kind: 'unknown', why: 'complex literal' };
  const n = Number(t);
  return Number.isNaN(n) ? { kind: 'unknown', why: 'float literal' } : { kind: 'float', value: n };
}

/** The value of a `string` node; f-strings with interpolations are unknown. */
export function parseStringLiteral(node: SyntaxNode): PyValue {
  let prefix = '';
  let out = '';
  for (const child of node.children) {
    if (!child) continue;
    switch (child.type) {
      case 'string_start':
        prefix = child.text.replace(/['"]/g, '').toLowerCase();
        break;
      case 'string_content':
        out += child.text;
        break;
      case 'escape_sequence':
        out += prefix.includes('r') ? child.text : unescape(child.text);
        break;
      case 'interpolation':
        return { kind: 'unknown', why: 'f-string' };
      default:
        break;
    }
  }
  if (prefix.includes('b')) return { kind: 'unknown', why: 'bytes literal' };
  return { kind: 'str', value: out };
}

export function unescape(seq: string): string {
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    "'": "'",
    '"': '"',
    '0': '\0',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
  };
  const c = seq[1];
  if (c in simple && seq.length === 2) return simple[c];
  if (c === 'x' || c === 'u' || c === 'U') return String.fromCodePoint(parseInt(seq.slice(2), 16));
  if (c === '\n') return '';
  return seq;
}

/** Python's numeric binary operators on known numbers; anything else is unknown. */
function numberOf(v: PyValue): number | undefined {
  return v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? Number(v.value) : undefined;
}

/** A result of arithmetic: an int (a NumPy one when an operand was) or a float. */
function numeric(n: number, asInt: boolean, numpy: NumpyInt | undefined): PyValue {
  return asInt ? (numpy ? { kind: 'int', value: n, numpy } : { kind: 'int', value: n }) : { kind: 'float', value: n };
}

/** Python's `a op b` on known values. Runs on every operator of a loop's body: no closures, nothing made before it is needed. */
export function foldBinary(op: string, a: PyValue, b: PyValue): PyValue {
  const x = numberOf(a);
  const y = numberOf(b);
  if (x === undefined || y === undefined) {
    // Sequence repetition and concatenation, as used for shapes: (1,) * 3, (None,) + shape.
    if (op === '+' && (a.kind === 'tuple' || a.kind === 'list') && a.kind === b.kind)
      return { kind: a.kind, items: [...a.items, ...b.items] };
    if (op === '*' && (a.kind === 'tuple' || a.kind === 'list') && b.kind === 'int') {
      return { kind: a.kind, items: Array.from({ length: Math.max(0, b.value) }, () => a.items).flat() };
    }
    if (op === '+' && a.kind === 'str' && b.kind === 'str') return { kind: 'str', value: a.value + b.value };
    return notFolded(op);
  }
  const isInt = a.kind !== 'float' && b.kind !== 'float';
  // NumPy scalars stay NumPy scalars through arithmetic with Python numbers.
  const numpy = (a.kind === 'int' && a.numpy) || (b.kind === 'int' && b.numpy) || undefined;
  switch (op) {
    case '+':
      return numeric(x + y, isInt, numpy);
    case '-':
      return numeric(x - y, isInt, numpy);
    case '*':
      return numeric(x * y, isInt, numpy);
    case '/':
      return y === 0 ? notFolded(op) : numeric(x / y, false, numpy);
    case '//':
      return y === 0 ? notFolded(op) : numeric(Math.floor(x / y), isInt, numpy);
    case '%':
      // Python raises ZeroDivisionError; an exception of the file's own arithmetic is left unknown here.
      return y === 0 ? notFolded(op) : numeric(pyMod(x, y, !isInt), isInt, numpy);
    case '**':
      return isInt && y < 0 ? numeric(x ** y, false, numpy) : numeric(x ** y, isInt, numpy);
    default:
      return notFolded(op);
  }
}

function notFolded(op: string): PyValue {
  return { kind: 'unknown', why: `${op} on values not known statically` };
}
