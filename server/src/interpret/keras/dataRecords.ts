/**
 * What hover on data reads: each call of a data method (`fit`, `evaluate`,
 * `predict`, the `*_on_batch` twins) with the model it was called on and the
 * shapes of its inputs and targets, single, list or dict. The model is kept,
 * not its shapes: a model built by this very call has them only afterwards.
 */

import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asItems, kwarg, type ModelObj, type Span, spanOf, type Value } from '../values';

/** One array given to a data method: its key in a dict (or index in a list), its source text, its shape. */
export interface DataPart {
  key?: string;
  text?: string;
  shape: Shape | null;
}

export interface DataCall {
  method: string;
  /** The whole call, and the method's name in it (`fit`), which hover answers on. */
  span: Span;
  nameSpan: Span;
  model: ModelObj;
  x: DataPart[] | undefined;
  y: DataPart[] | undefined;
}

/** The arrays of a single, list, tuple or dict argument with their source text; undefined when none is an array. */
function partsOf(v: Value | undefined, argNode: SyntaxNode | undefined): DataPart[] | undefined {
  if (!v || v.kind === 'none') return undefined;
  if (v.kind === 'array') return [{ text: argNode?.text, shape: v.shape }];
  if (v.kind === 'dict') {
    // A literal dict's values keep their source text (`{"a": xa}` feeds `xa`).
    const pairs = argNode?.type === 'dictionary' ? argNode.namedChildren.filter((c) => c.type === 'pair') : [];
    const parts = v.entries.map(([k, a], i) => ({
      key: k.kind === 'str' ? k.value : undefined,
      text: pairs.length === v.entries.length ? pairs[i].childForFieldName('value')?.text : undefined,
      shape: a.kind === 'array' ? a.shape : null,
    }));
    return parts.some((p) => p.shape) ? parts : undefined;
  }
  const items = v.kind === 'list' || v.kind === 'tuple' ? asItems(v) : undefined;
  if (!items) return undefined;
  const texts = argNode && (argNode.type === 'list' || argNode.type === 'tuple') ? argNode.namedChildren : [];
  const parts = items.map((a, i) => ({ text: texts[i]?.text, shape: a.kind === 'array' ? a.shape : null }));
  return parts.some((p) => p.shape) ? parts : undefined;
}

/** The positional argument `index` of a call node, or the keyword argument `name`'s value node. */
function argumentNode(node: SyntaxNode, index: number, name: string): SyntaxNode | undefined {
  const list = node.childForFieldName('arguments')?.namedChildren ?? [];
  const positional = list.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
  if (positional[index]) return positional[index];
  const kw = list.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return kw?.childForFieldName('value') ?? undefined;
}

export function recordDataCall(
  calls: DataCall[],
  model: ModelObj,
  method: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
  targets: boolean,
): void {
  const fn = node.childForFieldName('function');
  const nameNode = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : fn;
  if (!nameNode) return;
  const span = spanOf(node);
  const nameSpan = spanOf(nameNode);
  const call: DataCall = {
    method,
    span,
    nameSpan,
    model,
    x: partsOf(args[0] ?? kwarg(kwargs, 'x'), argumentNode(node, 0, 'x')),
    y: targets ? partsOf(args[1] ?? kwarg(kwargs, 'y'), argumentNode(node, 1, 'y')) : undefined,
  };
  // A call run again (a loop, a function run for hints) keeps its latest record.
  const at = calls.findIndex(
    (c) => c.nameSpan.startLine === nameSpan.startLine && c.nameSpan.startCol === nameSpan.startCol,
  );
  if (at >= 0) calls[at] = call;
  else calls.push(call);
}
