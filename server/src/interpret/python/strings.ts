/**
 * Python strings built at run time: f-strings (`f"block_{i}"`, as layer
 * names often are), `str(...)` of known values, `%` formatting and the
 * string methods model-building code uses (`format`, `join`, `upper`...).
 * Anything not known exactly is unknown.
 */

import { floatRepr, strRepr, tupleText } from '../../shapes/python/text';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import type { Interpreter } from './interpreter';
import { unescape } from './literals';
import type { Scope } from './scope';
import { asItems, UNKNOWN, type Value } from '../values';
import { LIMITS } from './limits';

/**
 * What a string operation gives when its result would hold more than
 * `LIMITS.sequenceItems` characters (`f'{x:>100000000}'`, a `join` of huge
 * strings, `str()` of a huge list): not made. Helpers that give text say
 * `null`; those that give a value, this one. The caller notes it on the line
 * (`Interpreter.madeText`) and goes on with the value unknown.
 */
export const TOO_LARGE: Value = { kind: 'unknown', why: 'a string past the size budget' };

const MAX_TEXT = LIMITS.sequenceItems;

/** Memo marker on a `string` node that has interpolations (evaluated on every run). */
export const FSTRING = Symbol('f-string');

/** Python's `str()` of a known value; undefined when not known, null when too large. */
export function pyStr(v: Value): string | undefined | null {
  switch (v.kind) {
    case 'str':
      return v.value;
    default:
      return pyRepr(v);
  }
}

/** Python's `repr()` of a known value; undefined when not known, null when it would pass `MAX_TEXT` characters. */
export function pyRepr(v: Value): string | undefined | null {
  return reprWithin(v, 0, { left: MAX_TEXT });
}

/** `repr` with the characters still allowed in `room`: the work stops as soon as the text would pass them. */
function reprWithin(v: Value, depth: number, room: { left: number }): string | undefined | null {
  if (depth > 10) return undefined;
  const text = reprItem(v, depth, room);
  if (typeof text === 'string' && (room.left -= text.length) < 0) return null;
  return text;
}

function reprItem(v: Value, depth: number, room: { left: number }): string | undefined | null {
  switch (v.kind) {
    case 'int':
      return String(v.value);
    case 'float':
      return floatRepr(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'str':
      return strRepr(v.value);
    case 'tuple':
    case 'list': {
      if (v.kind === 'list' && v.unsure) return undefined;
      const parts: string[] = [];
      for (const x of v.items) {
        // Separators count too: a list of a million empty lists is long.
        if ((room.left -= 2) < 0) return null;
        const r = reprWithin(x, depth + 1, room);
        if (typeof r !== 'string') return r;
        parts.push(r);
      }
      // The parts were counted as they came; the whole is counted again by the caller.
      room.left += parts.reduce((n, p) => n + p.length + 2, 0);
      if (v.kind === 'list') return `[${parts.join(', ')}]`;
      return tupleText(parts);
    }
    default:
      return undefined;
  }
}

/** The value of an f-string whose interpolations are all known. */
export function evalFString(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  let raw = false;
  let out = '';
  for (const child of node.children) {
    if (!child) continue;
    switch (child.type) {
      case 'string_start':
        raw = /r/i.test(child.text);
        break;
      case 'string_content':
        out += child.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        break;
      case 'escape_sequence':
        out += raw ? child.text : unescape(child.text);
        break;
      case 'interpolation': {
        let value: Value = UNKNOWN;
        let conversion = '';
        let spec = '';
        for (const part of child.namedChildren) {
          if (!part) continue;
          if (part.type === 'type_conversion') conversion = part.text;
          else if (part.type === 'format_specifier') {
            // A spec with a field inside (`{x:{width}}`) is not followed.
            if (part.namedChildren.length > 0) return UNKNOWN;
            spec = part.text.replace(/^:/, '');
          } else if (part.type !== 'comment' && value === UNKNOWN) value = interp.eval(part, scope);
        }
        const shown: Value | undefined =
          conversion === '!r' ? strValue(pyRepr(value)) : conversion === '' || conversion === '!s' ? value : undefined;
        if (shown === TOO_LARGE) return TOO_LARGE;
        const text = !shown ? undefined : spec ? formatSpec(shown, spec) : pyStr(shown);
        if (typeof text !== 'string') return text === null ? TOO_LARGE : UNKNOWN;
        if (out.length + text.length > MAX_TEXT) return TOO_LARGE;
        out += text;
        break;
      }
      default:
        break;
    }
  }
  return { kind: 'str', value: out };
}

/** `template % values` with `%s`, `%d`, `%i`, `%%`; undefined when not known. */
export function percentFormat(template: string, values: Value): Value {
  const items = values.kind === 'tuple' ? values.items : [values];
  let i = 0;
  let ok = true;
  let tooLarge = false;
  let length = template.length;
  const out = template.replace(/%([%sdir])/g, (_m, c: string) => {
    if (c === '%') return '%';
    if (tooLarge) return '';
    const v = items[i++];
    const text =
      v === undefined
        ? undefined
        : c === 's'
          ? pyStr(v)
          : c === 'r'
            ? pyRepr(v)
            : v.kind === 'int'
              ? String(v.value)
              : undefined;
    if (text === null || (typeof text === 'string' && (length += text.length) > MAX_TEXT)) tooLarge = true;
    if (typeof text !== 'string') ok = false;
    return tooLarge ? '' : (text ?? '');
  });
  if (tooLarge) return TOO_LARGE;
  return ok && i === items.length ? { kind: 'str', value: out } : UNKNOWN;
}

/** A method of a known string. */
export function strMethod(self: string, name: string, args: Value[], kwargs: Array<[string, Value]> = []): Value {
  const strs = (v: Value | undefined): string | undefined => (v?.kind === 'str' ? v.value : undefined);
  switch (name) {
    case 'upper':
      return { kind: 'str', value: self.toUpperCase() };
    case 'lower':
      return { kind: 'str', value: self.toLowerCase() };
    case 'strip':
      return args.length === 0 ? { kind: 'str', value: self.trim() } : UNKNOWN;
    case 'split': {
      // With a separator, Python splits on each one; without, on runs of whitespace.
      const sep = args[0] === undefined || args[0].kind === 'none' ? undefined : strs(args[0]);
      if ((args[0] && args[0].kind !== 'none' && sep === undefined) || sep === '' || args.length > 1) return UNKNOWN;
      const parts =
        sep === undefined
          ? self
              .trim()
              .split(/\s+/)
              .filter((p) => p !== '')
          : self.split(sep);
      return { kind: 'list', items: parts.map((p) => ({ kind: 'str', value: p }) as Value) };
    }

    case 'replace': {
      const a = strs(args[0]);
      const b = strs(args[1]);
      if (a === undefined || b === undefined || args.length !== 2) return UNKNOWN;
      const parts = self.split(a);
      if (self.length + (parts.length - 1) * (b.length - a.length) > MAX_TEXT) return TOO_LARGE;
      return { kind: 'str', value: parts.join(b) };
    }
    case 'join': {
      const items = args[0] ? asItems(args[0]) : undefined;
      if (!items || items.some((x) => x.kind !== 'str')) return UNKNOWN;
      const texts = items.map((x) => (x as { value: string }).value);
      let length = Math.max(0, texts.length - 1) * self.length;
      for (const t of texts) if ((length += t.length) > MAX_TEXT) return TOO_LARGE;
      return { kind: 'str', value: texts.join(self) };
    }
    case 'format': {
      // Fields by position (`{}`, `{0}`) or keyword (`{name}`), each with an optional format spec.
      const field = /\{\{|\}\}|\{(\d*|[A-Za-z_]\w*)(?::([^{}]*))?\}/g;
      if (/[{}]/.test(self.replace(field, ''))) return UNKNOWN;
      let auto = 0;
      let ok = true;
      let tooLarge = false;
      let length = self.length;
      const out = self.replace(field, (m, key: string | undefined, spec: string | undefined) => {
        if (m === '{{') return '{';
        if (m === '}}') return '}';
        if (tooLarge) return '';
        const v =
          key && /^[A-Za-z_]/.test(key) ? kwargs.find(([k]) => k === key)?.[1] : args[key ? Number(key) : auto++];
        const t = v === undefined ? undefined : spec ? formatSpec(v, spec) : pyStr(v);
        if (t === null || (typeof t === 'string' && (length += t.length) > MAX_TEXT)) tooLarge = true;
        if (typeof t !== 'string') ok = false;
        return tooLarge ? '' : (t ?? '');
      });
      if (tooLarge) return TOO_LARGE;
      return ok ? { kind: 'str', value: out } : UNKNOWN;
    }
    case 'startswith':
    case 'endswith': {
      const a = strs(args[0]);
      if (a === undefined) return UNKNOWN;
      return { kind: 'bool', value: name === 'startswith' ? self.startsWith(a) : self.endsWith(a) };
    }
    default:
      return UNKNOWN;
  }
}

function strValue(s: string | undefined | null): Value | undefined {
  return s === null ? TOO_LARGE : s === undefined ? undefined : { kind: 'str', value: s };
}

/**
 * Python's format spec mini-language for the common cases
 * (`[[fill]align][sign][0][width][,][.precision][type]`, types d, f, %, s or
 * none); undefined for anything else, null for a width or precision past `MAX_TEXT`.
 */
function formatSpec(v: Value, spec: string): string | undefined | null {
  const m = /^(?:(.)?([<>^=]))?([+\- ]?)(0)?(\d+)?(,)?(?:\.(\d+))?([dfs%]?)$/.exec(spec);
  if (!m) return undefined;
  const [, fill, align, sign, zero, widthText, comma, precisionText, type] = m;
  if (Number(widthText ?? 0) > MAX_TEXT) return null;
  const isNumber = v.kind === 'int' || v.kind === 'float' || v.kind === 'bool';
  let body: string | undefined;
  if (type === 's' || (type === '' && !isNumber)) {
    if (v.kind !== 'str' || sign || comma || zero) return undefined;
    body = precisionText ? v.value.slice(0, Number(precisionText)) : v.value;
  } else {
    if (!isNumber) return undefined;
    const n = Number(v.value);
    if (type === 'd') {
      if (v.kind === 'float' || precisionText) return undefined;
      body = String(Math.abs(n));
    } else if (type === 'f' || type === '%') {
      const x = type === '%' ? Math.abs(n) * 100 : Math.abs(n);
      const digits = precisionText ? Number(precisionText) : 6;
      if (digits > MAX_TEXT) return null;
      // JavaScript writes at most 100 decimals.
      if (digits > 100) return undefined;
      // An exact half: Python rounds it to even, JavaScript's toFixed away from zero.
      const scaled = x * 10 ** digits;
      if (scaled - Math.floor(scaled) === 0.5) return undefined;
      body = x.toFixed(digits) + (type === '%' ? '%' : '');
    } else {
      if (precisionText) return undefined;
      body = v.kind === 'float' ? floatRepr(Math.abs(n)) : String(Math.abs(n));
    }
    if (comma) {
      const [int, frac] = body.split('.');
      body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
    }
    const signText = n < 0 || Object.is(n, -0) ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
    const width = widthText ? Number(widthText) : 0;
    if (zero && !align) return signText + body.padStart(width - signText.length, '0');
    body = signText + body;
  }
  const width = widthText ? Number(widthText) : 0;
  if (body.length >= width) return body;
  const pad = (fill ?? ' ').repeat(width - body.length);
  const side = align ?? (isNumber && type !== 's' ? '>' : '<');
  if (side === '<') return body + pad;
  if (side === '^') {
    const left = Math.floor((width - body.length) / 2);
    return (fill ?? ' ').repeat(left) + body + (fill ?? ' ').repeat(width - body.length - left);
  }
  return pad + body;
}
