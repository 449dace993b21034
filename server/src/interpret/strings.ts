/**
 * Python strings built at run time: f-strings (`f"block_{i}"`, as layer
 * names often are), `str(...)` of known values, `%` formatting and the
 * string methods model-building code uses (`format`, `join`, `upper`...).
 * Anything not known exactly is unknown.
 */

import type { PyNode as SyntaxNode } from '../syntax/ast';
import type { Interpreter } from './interpreter';
import { unescape } from './literals';
import type { Scope } from './scope';
import { UNKNOWN, type Value } from './values';

/** Memo marker on a `string` node that has interpolations (evaluated on every run). */
export const FSTRING = Symbol('f-string');

/** Python's `str()` of a known value; undefined when not known. */
export function pyStr(v: Value): string | undefined {
  switch (v.kind) {
    case 'str':
      return v.value;
    default:
      return pyRepr(v);
  }
}

/** Python's `repr()` of a known value; undefined when not known. */
export function pyRepr(v: Value, depth = 0): string | undefined {
  if (depth > 10) return undefined;
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
      return v.value.includes("'") && !v.value.includes('"') ? `"${v.value}"` : `'${v.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'tuple':
    case 'list': {
      const parts: string[] = [];
      for (const x of v.items) {
        const r = pyRepr(x, depth + 1);
        if (r === undefined) return undefined;
        parts.push(r);
      }
      if (v.kind === 'list') return `[${parts.join(', ')}]`;
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    }
    default:
      return undefined;
  }
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    // JS `1e-5` is Python `1e-05`.
    return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
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
        for (const part of child.namedChildren) {
          if (!part) continue;
          if (part.type === 'type_conversion') conversion = part.text;
          // The syntax copy keeps no text for a format spec: not known.
          else if (part.type === 'format_specifier') return UNKNOWN;
          else if (part.type !== 'comment' && value === UNKNOWN) value = interp.eval(part, scope);
        }
        const text = conversion === '!r' ? pyRepr(value) : conversion === '' || conversion === '!s' ? pyStr(value) : undefined;
        if (text === undefined) return UNKNOWN;
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
  const out = template.replace(/%([%sdir])/g, (_m, c: string) => {
    if (c === '%') return '%';
    const v = items[i++];
    const text = v === undefined ? undefined : c === 's' ? pyStr(v) : c === 'r' ? pyRepr(v) : v.kind === 'int' ? String(v.value) : undefined;
    if (text === undefined) ok = false;
    return text ?? '';
  });
  return ok && i === items.length ? { kind: 'str', value: out } : UNKNOWN;
}

/** A method of a known string. */
export function strMethod(self: string, name: string, args: Value[]): Value {
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
      const parts = sep === undefined ? self.trim().split(/\s+/).filter((p) => p !== '') : self.split(sep);
      return { kind: 'list', items: parts.map((p) => ({ kind: 'str', value: p }) as Value) };
    }

    case 'replace': {
      const a = strs(args[0]);
      const b = strs(args[1]);
      return a !== undefined && b !== undefined && args.length === 2 ? { kind: 'str', value: self.split(a).join(b) } : UNKNOWN;
    }
    case 'join': {
      const items = args[0]?.kind === 'list' || args[0]?.kind === 'tuple' ? args[0].items : undefined;
      if (!items || items.some((x) => x.kind !== 'str')) return UNKNOWN;
      return { kind: 'str', value: items.map((x) => (x as { value: string }).value).join(self) };
    }
    case 'format': {
      if (/[{}]/.test(self.replace(/\{\{|\}\}|\{\d*\}/g, ''))) return UNKNOWN;
      let auto = 0;
      let ok = true;
      const out = self.replace(/\{\{|\}\}|\{(\d*)\}/g, (m, idx: string | undefined) => {
        if (m === '{{') return '{';
        if (m === '}}') return '}';
        const v = args[idx ? Number(idx) : auto++];
        const t = v === undefined ? undefined : pyStr(v);
        if (t === undefined) ok = false;
        return t ?? '';
      });
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
