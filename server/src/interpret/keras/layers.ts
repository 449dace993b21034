/**
 * Constructing Keras layers: a constructor call's arguments go to the shape
 * engine, whose construction is remembered on the call node when they are
 * all literals; the layer record gets Keras's automatic name (or the
 * `name=` given) and what diagnostics need about `input_shape=`.
 */

import { type Called, type Constructed, constructLayer } from '../../shapes/engine';
import { builtAtInit } from '../../shapes/layerBuilt';
import { toSnakeCase } from '../../shapes/naming';
import type { ConstructedLayer } from '../../shapes/rule';
import type { Shape } from '../../shapes/shape';
import type { LayerCall, PyValue } from '../../shapes/values';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { hasKwarg, kwarg, type LayerObj, newLayerRecord, type Span, spanOf, toPy, type Value } from '../values';
import type { KerasApi } from './api';
import { canonicalName, layerClassOf } from './names';

export function constructLayerObj(
  api: KerasApi,
  className: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
  incomplete = false,
): LayerObj {
  const { call, constructed } = constructCached(api, className, args, kwargs, node, incomplete);
  const fn = className === 'Lambda' ? (args[0] ?? kwarg(kwargs, 'function')) : undefined;
  return newLayerObj(api, className, call, constructed, node, fn);
}

/**
 * A constructor call whose construction is remembered on its node (all its
 * arguments are literals, so they need not even be evaluated again): the
 * layer object, or undefined when the node holds nothing for this class.
 */
export function constructRemembered(api: KerasApi, qualname: string, node: SyntaxNode): LayerObj | undefined {
  const memo = node.memo as ConstructMemo | CallMemo | undefined;
  if (memo?.tag !== 'construct' || memo.format !== api.options.imageDataFormat) return undefined;
  // The callee's dotted name is read from the same nodes every run: compare it before resolving it.
  if (memo.qualname !== qualname) {
    if (layerClassOf(canonicalName(qualname)) !== memo.className) return undefined;
    memo.qualname = qualname;
  }
  memo.nameArg ??= kwarg(memo.call.kwargs, 'name') ?? { kind: 'none' };
  return newLayerObj(api, memo.className, memo.call, memo.constructed, node, undefined, memo.nameArg);
}

/** Sub-layers Keras's constructor of these classes makes without a name (TextVectorization's `StringLookup`). */
const INIT_SUBLAYERS: Record<string, readonly string[]> = {
  TextVectorization: ['string_lookup'],
};

function newLayerObj(
  api: KerasApi,
  className: string,
  call: LayerCall,
  constructed: Constructed,
  node: SyntaxNode,
  fn: Value | undefined,
  knownName?: PyValue,
): LayerObj {
  const nameArg = knownName ?? kwarg(call.kwargs, 'name');
  // Aliases (`MaxPool2D`, `Convolution2D`) are the same class: summary prints the canonical name.
  const canonical = constructed.status === 'ok' ? constructed.layer.rule.className : className;
  const layer = newLayerRecord({
    id: api.nextId++,
    className: canonical,
    name: nameArg?.kind === 'str' ? nameArg.value : api.uniqueName(toSnakeCase(canonical)),
    call,
    constructed,
    span: spanOf(node),
    builtAtInit: builtAtInit(canonical),
  });
  if (nameArg?.kind === 'str') layer.namedInSource = true;
  // Sub-layers its constructor makes without a name draw theirs after it (a raising constructor makes none).
  if (constructed.status !== 'error') for (const stem of INIT_SUBLAYERS[canonical] ?? []) api.uniqueName(stem);
  if (fn) layer.fn = fn;
  if (hasKwarg(call.kwargs, 'input_shape') || (hasKwarg(call.kwargs, 'input_dim') && baseInputDim(layer))) {
    layer.inputArgSpan = keywordSpan(node, baseInputDim(layer) ? ['input_shape', 'input_dim'] : ['input_shape']);
    layer.batchNamedDim = batchNamedDimension(node, 'input_shape');
  }
  api.layers.push(layer);
  if (constructed.status === 'error') api.interp.raise(constructed.error, node);
  return layer;
}

/**
 * The engine's construction, remembered on the call node when its
 * arguments are all literals (then every run of the node gives the same).
 */
export function constructCached(
  api: KerasApi,
  className: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
  incomplete: boolean,
): { call: LayerCall; constructed: Constructed } {
  const format = api.options.imageDataFormat;
  const memo = node.memo as ConstructMemo | CallMemo | undefined;
  if (memo?.tag === 'construct' && memo.className === className && memo.format === format) return memo;
  const call: LayerCall = {
    className,
    args: args.map((a) => toPy(a)),
    kwargs: kwargs.map(([k, v]) => [k, toPy(v)]),
    incomplete,
  };
  const constructed = constructLayer(call, api.options);
  if (!incomplete && node.type === 'call' && hasLiteralArguments(node))
    node.memo = { tag: 'construct', className, format, call, constructed } satisfies ConstructMemo;
  return { call, constructed };
}

/** The input shape a layer declares with `input_shape=`/`input_dim=` (Keras 2 style), with the batch axis. */
export function declaredInputShape(layer: LayerObj): Shape | null {
  const kw = new Map(layer.call.kwargs);
  const dim = baseInputDim(layer) ? kw.get('input_dim') : undefined;
  if (dim && dim.kind === 'int') return [null, dim.value];
  const shape = kw.get('input_shape');
  if (!shape || shape.kind === 'none') return null;
  if (shape.kind === 'tuple' || shape.kind === 'list')
    return [null, ...shape.items.map((x) => (x.kind === 'int' ? x.value : x.kind === 'none' ? null : '?'))];
  return null;
}

/**
 * True when `input_dim=` is the base `Layer`'s (an input shape), not a
 * parameter of the layer's own (Embedding's vocabulary size).
 */
export function baseInputDim(layer: LayerObj): boolean {
  return layer.constructed.status !== 'ok'
    ? !/^(Embedding|CategoryEncoding)$/.test(layer.className)
    : !layer.constructed.layer.rule.signature.some((p) => p.name === 'input_dim');
}

/**
 * The first dimension of the shape given to `keyword` (or at `position`)
 * when the source writes it as a batch size (`shape=(BATCH_SIZE, 28, 28)`):
 * `shape=` and `input_shape=` leave the batch axis out, so such a shape has
 * an axis too many. Only a name that says "batch" counts; a number cannot tell.
 */
export function batchNamedDimension(call: SyntaxNode, keyword: string, position?: number): Span | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  let shape = args
    .find((c) => c.type === 'keyword_argument' && c.childForFieldName('name')?.text === keyword)
    ?.childForFieldName('value');
  if (!shape && position !== undefined && args[position] && args[position].type !== 'keyword_argument')
    shape = args[position];
  while (shape?.type === 'parenthesized_expression') shape = shape.namedChildren[0];
  if (shape?.type !== 'tuple' && shape?.type !== 'list') return undefined;
  const first = shape.namedChildren.find((c) => c.type !== 'comment');
  const name =
    first?.type === 'identifier'
      ? first.text
      : first?.type === 'attribute'
        ? first.childForFieldName('attribute')?.text
        : undefined;
  return name && /batch/i.test(name) ? spanOf(first!) : undefined;
}

/** The span of the first keyword argument of a call node with one of these names. */
function keywordSpan(call: SyntaxNode, names: string[]): Span | undefined {
  const kw = call
    .childForFieldName('arguments')
    ?.namedChildren.find(
      (c) => c.type === 'keyword_argument' && names.includes(c.childForFieldName('name')?.text ?? ''),
    );
  return kw ? spanOf(kw) : undefined;
}

/** What a layer call node remembers: the engine's answer for one input shape (layerCalls.ts). */
export interface CallMemo {
  tag: 'call';
  constructed: ConstructedLayer;
  format: string;
  shape: Shape;
  /** The input tensor's Keras name, which an error's text quotes. */
  name?: string;
  called: Called;
}

/** What a constructor call node remembers: the engine's construction, for literal arguments. */
export interface ConstructMemo {
  tag: 'construct';
  className: string;
  format: string;
  call: LayerCall;
  constructed: Constructed;
  /** The callee's dotted name as last written (`layers.Dense`), and the `name=` argument, once read. */
  qualname?: string;
  nameArg?: PyValue;
}

const LITERAL_TYPES = new Set(['integer', 'float', 'true', 'false', 'none', 'comment']);

/** True when every argument of a call node is a literal (numbers, strings, constants, tuples and lists of them). */
function hasLiteralArguments(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments');
  return (
    !args ||
    args.type !== 'argument_list' ||
    args.namedChildren.every((c) => isLiteral(c.type === 'keyword_argument' ? c.childForFieldName('value') : c))
  );
}

function isLiteral(node: SyntaxNode | null): boolean {
  if (!node) return false;
  if (LITERAL_TYPES.has(node.type)) return true;
  switch (node.type) {
    case 'string':
      return !node.namedChildren.some((c) => c.type === 'interpolation');
    case 'tuple':
    case 'list':
    case 'parenthesized_expression':
      return node.namedChildren.every(isLiteral);
    case 'unary_operator':
      return isLiteral(node.childForFieldName('argument'));
    default:
      return false;
  }
}
