/**
 * How Python prints the values Keras puts in its messages: `repr()` of a
 * float (`1e-07`, `3.0`, `inf`) and of a string (quoted as Python quotes
 * it), and a tuple's text (`(None, 3)`, `(3,)`). The engine's `pyRepr`
 * (values.ts), `formatShape` (shape.ts), the message catalogue
 * (messages/) and the interpreter's `repr()` (interpret/python/strings.ts)
 * are built on these.
 */

/** `repr(x)` of a Python float: shortest digits, `.0` on integers, exponents as `1e-05` / `1e+16`. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  // Python switches to exponent notation below 1e-4 and from 1e16 on; its exponent has at least two digits.
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `repr(s)` of a Python string: single quotes, unless the text holds a
 * single quote and no double quote; backslashes, line breaks, tabs and other
 * control characters escaped.
 */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (c === quote) out += `\\${c}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out + quote;
}

/** A tuple's text from its items' texts: `(a, b)`, and `(a,)` for one item. */
export function tupleText(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}
