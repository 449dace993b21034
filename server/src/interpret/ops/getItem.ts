/**
 * The shape of `x[...]` on a tensor or an array: ints, slices, `None` (a new
 * axis) and `...`, as NumPy and Keras's `GetItem` index.
 */

import type { Dim, Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { sliceParts } from '../python/expressions';
import type { Interpreter } from '../python/interpreter';
import type { Scope } from '../python/scope';

/** The subscript nodes of `x[...]`, and where to evaluate them. */
export interface GetItemContext {
  subs: SyntaxNode[];
  scope: Scope;
  interp: Interpreter;
}

/** The shape of `x[...]` for ints, slices, `None` (new axis) and `...`. */
export function getItemShape(x: Shape, ctx: GetItemContext): Shape | undefined {
  const subs =
    ctx.subs.length === 1 && ctx.subs[0].type === 'tuple'
      ? ctx.subs[0].namedChildren.filter((c): c is SyntaxNode => !!c)
      : ctx.subs;
  const out: Dim[] = [];
  let axis = 0;
  const consumed = subs.filter((s) => s.type !== 'none' && s.type !== 'ellipsis').length;
  for (const s of subs) {
    if (s.type === 'ellipsis') {
      const skip = x.length - consumed;
      for (let k = 0; k < skip; k++) out.push(x[axis++]);
    } else if (s.type === 'none') {
      out.push(1);
    } else if (s.type === 'slice') {
      const parts = sliceParts(ctx.interp, s, ctx.scope);
      const d = x[axis++];
      if (!parts) out.push(typeof d === 'number' ? '?' : d);
      else
        out.push(
          typeof d === 'number'
            ? sliceLength(d, parts)
            : parts.every((p) => p === null)
              ? d
              : parts[0] !== null && parts[1] !== null && parts[0] >= 0 && parts[1] >= 0
                ? sliceLength(parts[1], parts)
                : d === null
                  ? null
                  : '?',
        );
    } else {
      const v = ctx.interp.eval(s, ctx.scope);
      if (v.kind !== 'int') return undefined;
      axis++;
    }
  }
  while (axis < x.length) out.push(x[axis++]);
  return out;
}

function sliceLength(n: number, [start, stop, step]: Array<number | null>): number {
  const s = step ?? 1;
  const norm = (i: number | null, d: number) => (i === null ? d : i < 0 ? Math.max(0, i + n) : Math.min(i, n));
  if (s > 0) return Math.max(0, Math.ceil((norm(stop, n) - norm(start, 0)) / s));
  const lo = stop === null ? -1 : norm(stop, -1);
  const hi = start === null ? n - 1 : Math.min(norm(start, n - 1), n - 1);
  return Math.max(0, Math.ceil((hi - lo) / -s));
}
