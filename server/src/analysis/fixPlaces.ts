/**
 * Where quick fixes act: the call that constructs a layer, its place in a
 * list or a chain of calls, the layer Keras's error is about and the one
 * before it, and what the fixes share (`Draft`, `FixContext`).
 */

import { isKind } from '../shapes/messages';
import type { LayerObj, ModelObj, RaisedError, Span } from '../interpret';
import type { PyNode } from '../syntax/ast';
import type { MessageId } from './messages';
import {
  callArguments,
  indentOf,
  insertAt,
  locate,
  parentOf,
  replace,
  src,
  startsLine,
  type Located,
  type SourceEdit,
} from './source';
import type { Analysis } from './index';

export interface Draft {
  title: string;
  edits: SourceEdit[];
  preferred?: boolean;
}

export interface FixContext {
  a: Analysis;
  t: (id: MessageId, args?: Record<string, string | number>) => string;
}

/** The call that constructs a layer. */
export const construction = (a: Analysis, layer: LayerObj): Located | undefined => locate(a.module, layer.span, 'call');

export const RECURRENT = /^(LSTM|GRU|SimpleRNN|RNN|ConvLSTM[123]D)$/;

export const modelOf = (a: Analysis, layer: LayerObj): ModelObj | undefined =>
  a.interpretation.models.find((m) => m.layers.includes(layer));

/** The statement a node belongs to (the child of a block or of the module). */
export function statementOf(l: Located): { node: PyNode; block: PyNode } | undefined {
  const chain = [...l.ancestors, l.node];
  for (let i = chain.length - 1; i > 0; i--) {
    const p = chain[i - 1];
    if (p.type === 'module' || p.type === 'block') return { node: chain[i], block: p };
  }
  return undefined;
}

/**
 * Where a layer sits in the code, for inserting one before it: an item of a
 * list of layers, the argument of `model.add(...)` on its own line, or a
 * functional call `layer(x)`.
 */
export type Place =
  | { kind: 'list'; item: PyNode }
  | { kind: 'add'; statement: PyNode; model: string }
  | { kind: 'call'; call: Located; input: PyNode };

export function placeOf(a: Analysis, layer: LayerObj, error?: RaisedError): Place | undefined {
  const made = construction(a, layer);
  if (!made) return undefined;
  const parent = parentOf(made);
  if (parent && (parent.type === 'list' || parent.type === 'tuple')) return { kind: 'list', item: made.node };
  if (parent?.type === 'argument_list') {
    const call = made.ancestors[made.ancestors.length - 2];
    const fn = call?.childForFieldName('function');
    const statement = made.ancestors[made.ancestors.length - 3];
    if (
      fn?.type === 'attribute' &&
      fn.childForFieldName('attribute')?.text === 'add' &&
      statement?.type === 'expression_statement'
    )
      return { kind: 'add', statement, model: src(a, fn.childForFieldName('object')!) };
    return undefined;
  }
  // Called where it is made (`layers.Dense(8)(x)`), or later (`dense(x)`) on the line that raised.
  let call: Located | undefined;
  if (parent?.type === 'call' && parent.childForFieldName('function') === made.node)
    call = { node: parent, ancestors: made.ancestors.slice(0, -1) };
  else if (error) call = locate(a.module, error.span, 'call');
  const input = call && callArguments(call.node).positional[0];
  return call && input ? { kind: 'call', call, input } : undefined;
}

/** Edits that put `text` (a layer expression) just before `layer` in the code. */
export function insertBefore(a: Analysis, place: Place, text: string): SourceEdit[] | undefined {
  switch (place.kind) {
    case 'list': {
      const s = place.item.span();
      return startsLine(a, s)
        ? [insertAt(s.startLine, 0, `${indentOf(a, s.startLine)}${text},\n`)]
        : [insertAt(s.startLine, s.startCol, `${text}, `)];
    }
    case 'add': {
      const s = place.statement.span();
      if (!startsLine(a, s)) return undefined;
      return [insertAt(s.startLine, 0, `${indentOf(a, s.startLine)}${place.model}.add(${text})\n`)];
    }
    case 'call': {
      // `x = layer(x)`: a line `x = Flatten()(x)` before it; otherwise the input is wrapped where it is used.
      const statement = statementOf(place.call);
      const assign = statement?.node.type === 'expression_statement' ? statement.node.namedChildren[0] : undefined;
      const target = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
      const s = statement?.node.span();
      if (
        s &&
        assign?.childForFieldName('right') === place.call.node &&
        target?.type === 'identifier' &&
        place.input.type === 'identifier' &&
        place.input.text === target.text &&
        startsLine(a, s)
      )
        return [insertAt(s.startLine, 0, `${indentOf(a, s.startLine)}${target.text} = ${text}(${target.text})\n`)];
      return [replace(place.input, `${text}(${src(a, place.input)})`)];
    }
  }
}

/**
 * The layer an input-spec error is about: the one made in the statement that
 * raised (in a list of layers, the first one left unbuilt: the layers before
 * it were built, the call raised on it), else the one Keras names.
 */
export function failingLayer(a: Analysis, name: string, error: RaisedError): LayerObj | undefined {
  const inside = (s: Span) =>
    (s.startLine > error.span.startLine ||
      (s.startLine === error.span.startLine && s.startCol >= error.span.startCol)) &&
    (s.endLine < error.span.endLine || (s.endLine === error.span.endLine && s.endCol <= error.span.endCol));
  const made = a.interpretation.layers.filter((l) => !l.isOp && inside(l.span));
  if (made.length === 1) return made[0];
  const unbuilt = made
    .filter((l) => !l.outputShapes)
    .sort((x, y) => x.span.startLine - y.span.startLine || x.span.startCol - y.span.startCol);
  if (unbuilt.length) return unbuilt[0];
  const named = a.interpretation.layers.filter((l) => l.name === name);
  return named.find((l) => l.callSpans.some((c) => inside(c.span))) ?? named[named.length - 1];
}

/** An input-spec error of the engine (`expected ndim=3, found ndim=2`): the layer, the rank it wants, the rank it got. */
export function rankError(
  e: RaisedError,
): { layer: string; expected: number; bound: '' | 'min_' | 'max_'; found: number } | undefined {
  const x = e.check;
  if (isKind(x, 'inputSpecNdim'))
    return { layer: x.data.layer, bound: '', expected: x.data.ndim, found: x.data.shape.length };
  if (isKind(x, 'inputSpecMinNdim'))
    return { layer: x.data.layer, bound: 'min_', expected: x.data.minNdim, found: x.data.shape.length };
  if (isKind(x, 'inputSpecMaxNdim'))
    return { layer: x.data.layer, bound: 'max_', expected: x.data.maxNdim, found: x.data.shape.length };
  return undefined;
}
