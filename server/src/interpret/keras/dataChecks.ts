/**
 * The data against the model where Keras 3 checks it: `fit`, `evaluate`,
 * `predict` and their `*_on_batch` twins. In Keras's order: the sample counts
 * of `x`, `y` and `sample_weight`; a Sequential without an input built from
 * the first batch; the inputs against the model (a functional model's input
 * spec, `_adjust_input_rank`, then each layer's own checks on the batch); the
 * targets against the outputs per loss. Shapes carry the first batch's size,
 * as Keras prints them. A shape the source does not tell checks nothing.
 * The inputs' checks are in inputChecks.ts, the `accuracy` metric and the
 * missing `Flatten` in targetChecks.ts.
 */

import { shapesEqual, type Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { errorOf } from '../../shapes/errors';
import { asItems, type FunctionObj, kwarg, type ModelObj, newTensor, type Span, spanOf, type Value } from '../values';
import type { KerasApi } from './api';
import { canonicalName } from './names';
import { sequentialRebuild } from './sequential';
import { accuracyError, missingFlattenHint } from './targetChecks';
import { buildByBatch, inModelOrder, lossesByName } from './dataStructure';
import { checkInputs } from './inputChecks';

type Kwargs = Array<[string, Value]>;

/**
 * What would cure a data error, as data: the analysis writes it after Keras's
 * text in the reader's language (`hint.*` in analysis/messages.ts).
 */
export interface DataHint {
  span: Span;
  id:
    | 'hint.dataTranspose'
    | 'hint.dataExpandDims'
    | 'hint.dataReshape'
    | 'hint.labelsToCategorical'
    | 'hint.labelsSparse'
    | 'hint.missingFlatten';
  args: Record<string, string>;
}
type Raised = Value | undefined;

/** Which of Keras's methods take data, whether they take targets, and whether they train. */
const DATA_METHODS: Record<string, { targets: boolean; trains: boolean; x: number; y: number }> = {
  fit: { targets: true, trains: true, x: 0, y: 1 },
  evaluate: { targets: true, trains: false, x: 0, y: 1 },
  predict: { targets: false, trains: false, x: 0, y: -1 },
  train_on_batch: { targets: true, trains: true, x: 0, y: 1 },
  test_on_batch: { targets: true, trains: false, x: 0, y: 1 },
  predict_on_batch: { targets: false, trains: false, x: 0, y: -1 },
};

export function isDataMethod(name: string): boolean {
  return name in DATA_METHODS;
}

/** The arrays of a single, list or tuple argument; undefined when any is not an array (a generator, a dict, unknown). */
function arraysOf(v: Value | undefined): Array<Shape | null> | undefined {
  const arrays = arrayValuesOf(v);
  return arrays?.map((a) => a.shape);
}

function arrayValuesOf(v: Value | undefined): Array<Value & { kind: 'array' }> | undefined {
  if (!v || v.kind === 'none') return undefined;
  if (v.kind === 'array') return [v];
  const items = v.kind === 'list' || v.kind === 'tuple' ? asItems(v) : undefined;
  if (!items || !items.every((i) => i.kind === 'array')) return undefined;
  return items as Array<Value & { kind: 'array' }>;
}

const known = (s: Shape | null): s is Shape => s !== null && s.every((d) => typeof d === 'number' || d === null);

/** Runs Keras's checks of the data given to a model method; the raised error, or undefined when Keras goes on. */
export function checkModelData(
  api: KerasApi,
  model: ModelObj,
  method: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Raised {
  const spec = DATA_METHODS[method];
  const x = arraysOf(inModelOrder(model, args[spec.x] ?? kwarg(kwargs, 'x'), 'inputs'));
  const y = spec.targets ? arraysOf(inModelOrder(model, args[spec.y] ?? kwarg(kwargs, 'y'), 'outputs')) : undefined;
  const sw = arraysOf(kwarg(kwargs, 'sample_weight'));
  if (!x) return undefined;
  api.dataArgText = argumentText(node, 0) ?? 'x';
  api.dataTargetText = argumentText(node, 1) ?? 'y';
  const onBatch = method.endsWith('_on_batch');
  // The data adapter counts samples before anything runs (not for `*_on_batch`, which takes one batch as it is).
  if (!onBatch) {
    const parts: Array<[string, Array<Shape | null>]> = [['x', x]];
    if (y) parts.push(['y', y]);
    if (sw) parts.push(['sample_weight', sw]);
    const firsts = parts.map(([label, arrs]) => [label, arrs.map((s) => s?.[0])] as const);
    const sizes = new Set(firsts.flatMap(([, f]) => f).filter((d): d is number => typeof d === 'number'));
    if (sizes.size > 1 && firsts.every(([, f]) => f.every((d) => typeof d === 'number')))
      return api.interp.raise(errorOf('dataCardinality', { sizes: firsts as Array<[string, number[]]> }), node);
  }
  // Arrays of Python objects (sequences of their own lengths) have no dtype Keras takes.
  const all = [args[spec.x] ?? kwarg(kwargs, 'x'), spec.targets ? (args[spec.y] ?? kwarg(kwargs, 'y')) : undefined];
  if (all.some((v) => arrayValuesOf(v)?.some((a) => a.dtype === 'object')))
    return api.interp.raise(errorOf('invalidDtype', { dtype: 'object' }), node);
  const batchSize = kwarg(kwargs, 'batch_size');
  const bs = onBatch ? undefined : batchSize?.kind === 'int' ? batchSize.value : batchSize ? null : 32;
  // The first training call after `compile` builds the model symbolically, which is where a Sequential wraps its errors.
  const symbolic = spec.trains && model.compiled !== undefined && !model.compiled.built;
  const counts = method === 'fit' || method === 'evaluate';
  const raised = checkBatch(api, model, x, y, bs, symbolic, node, counts);
  if (!raised && spec.trains && model.compiled) model.compiled.built = true;
  if (raised || method !== 'fit') return raised;
  const val = kwarg(kwargs, 'validation_data');
  if (val?.kind === 'array') return validationWithoutTargets(api, model, val, args, kwargs, bs, node);
  const valItems = val && (val.kind === 'tuple' || val.kind === 'list') ? asItems(val) : undefined;
  if (!valItems || valItems.length < 2) return undefined;
  const vx = arraysOf(inModelOrder(model, valItems[0], 'inputs'));
  const vy = arraysOf(inModelOrder(model, valItems[1], 'outputs'));
  const vbs = kwarg(kwargs, 'validation_batch_size');
  const vsize = vbs?.kind === 'int' ? vbs.value : vbs && vbs.kind !== 'none' ? null : bs;
  return vx ? checkBatch(api, model, vx, vy, vsize, false, node, counts) : undefined;
}

/**
 * `validation_data` given as one array: Keras unpacks it as `x` with no `y`, runs the model on it at the
 * end of the first epoch, and the loss refuses the missing targets. Said where the epoch surely ends with
 * that validation (one epoch or more from the start, validated every epoch) and the arrays are known.
 */
function validationWithoutTargets(
  api: KerasApi,
  model: ModelObj,
  val: Value & { kind: 'array' },
  args: Value[],
  kwargs: Kwargs,
  bs: number | null | undefined,
  node: SyntaxNode,
): Raised {
  const epochs = kwarg(kwargs, 'epochs') ?? args[3];
  const freq = kwarg(kwargs, 'validation_freq');
  const loss = model.compiled?.loss;
  if (val.pandas || !val.shape || !known(val.shape) || !loss || loss.kind === 'none') return undefined;
  if ((epochs && (epochs.kind !== 'int' || epochs.value < 1)) || kwarg(kwargs, 'initial_epoch')) return undefined;
  if (freq && !(freq.kind === 'int' && freq.value === 1)) return undefined;
  if (kwarg(kwargs, 'steps_per_epoch') || kwarg(kwargs, 'callbacks') || args.length > 5) return undefined;
  const raised = checkBatch(api, model, [val.shape], undefined, bs, false, node, true);
  if (raised) return raised;
  return api.interp.raise(errorOf('validationWithoutTargets', {}), node);
}

/** The source text of a positional argument of the call. */
function argumentText(node: SyntaxNode, index: number): string | undefined {
  const list = node.childForFieldName('arguments');
  const arg = list?.namedChildren[index];
  return arg && arg.type !== 'keyword_argument' ? arg.text : undefined;
}

/** The first batch's size: `batch_size` (32 by default) or fewer samples; the whole array for `*_on_batch`. */
function firstBatch(shape: Shape, bs: number | null | undefined): number | null {
  const n = shape[0];
  if (bs === undefined) return typeof n === 'number' ? n : null;
  if (bs === null) return null;
  return typeof n === 'number' ? Math.min(n, bs) : null;
}

function checkBatch(
  api: KerasApi,
  model: ModelObj,
  x: Array<Shape | null>,
  y: Array<Shape | null> | undefined,
  bs: number | null | undefined,
  trains: boolean,
  node: SyntaxNode,
  countsInputs: boolean,
): Raised {
  if (!x.every(known) || x.some((s) => s.length === 0)) return undefined;
  const batch = firstBatch(x[0], bs);
  if (batch === null) return undefined;
  const batches = x.map((s) => [batch, ...s.slice(1)]);
  // A Sequential with no input is built by the first batch (its rows then carry that batch size).
  if (model.kind === 'Sequential' && !model.built) {
    if (batches.length !== 1 || model.layers.length === 0) return undefined;
    model.inputShape = batches[0];
    sequentialRebuild(api, model, node);
    if (!model.built) return undefined;
  }
  if (model.instance && !model.built) buildByBatch(api, model, batches, node);
  if (!model.built) return undefined;
  const raised = checkInputs(api, model, batches, trains, node, countsInputs);
  if (raised) return raised;
  if (y && y.every(known)) {
    const ys = y.map((s) => [batch, ...s.slice(1)]);
    // The cure is noted before the check, which throws, and taken back when nothing raised.
    const hint = model.outputShapes?.every(known) ? missingFlattenHint(model, ys, model.outputShapes, node) : undefined;
    if (hint) api.dataHints.push(hint);
    const targets = checkTargets(api, model, ys, node);
    if (hint && !targets) api.dataHints.splice(api.dataHints.indexOf(hint), 1);
    return targets;
  }
  return undefined;
}

/** How a loss compares targets with the output: one-hot (same shape), sparse (integer labels), or broadcast. */
function lossRule(loss: Value | undefined): 'categorical' | 'sparse' | 'binary' | undefined {
  if (!loss) return undefined;
  const name =
    loss.kind === 'str'
      ? loss.value
      : loss.kind === 'object'
        ? (canonicalName(loss.qualname).split('.').pop() ?? '')
        : '';
  const n = name.replace(/_/g, '').toLowerCase();
  if (n === 'categoricalcrossentropy') return 'categorical';
  if (n === 'sparsecategoricalcrossentropy') return 'sparse';
  if (n === 'binarycrossentropy') return 'binary';
  return undefined;
}

/** The losses of a compiled model, one per output (a single loss serves every output). */
function lossesFor(model: ModelObj, outputs: number): Array<Value | undefined> {
  const loss = model.compiled?.loss;
  if (!loss) return [];
  const items = loss.kind === 'list' || loss.kind === 'tuple' ? asItems(loss) : undefined;
  if (items) return items.length === outputs ? items : [];
  if (loss.kind === 'dict') return lossesByName(model, loss) ?? [];
  return Array.from({ length: outputs }, () => loss);
}

/** Keras's `squeeze_or_expand_to_same_rank`: a trailing axis of 1 on the one with the higher rank goes. */
function sameRank(t: Shape, o: Shape): [Shape, Shape] {
  if (t.length === o.length + 1 && t[t.length - 1] === 1) return [t.slice(0, -1), o];
  if (o.length === t.length + 1 && o[o.length - 1] === 1) return [t, o.slice(0, -1)];
  return [t, o];
}

function checkTargets(api: KerasApi, model: ModelObj, ys: Shape[], node: SyntaxNode): Raised {
  const outs = model.outputShapes;
  if (!outs || outs.length !== ys.length || !outs.every(known)) return undefined;
  const losses = lossesFor(model, outs.length);
  for (let i = 0; i < outs.length; i++) {
    const output: Shape = [ys[i][0], ...outs[i].slice(1)];
    if (!output.every((d) => typeof d === 'number')) continue;
    // `fit` builds the compiled metrics before the loss: `accuracy` is chosen by the shapes.
    const accuracy = accuracyError(model, ys[i], output);
    if (accuracy) return api.interp.raise(accuracy, node);
    const rule = lossRule(losses[i]);
    if (!rule) continue;
    const [t, o] = sameRank(ys[i], output);
    const span = spanOf(node);
    const yName = api.dataTargetText;
    if (rule === 'sparse') {
      const target = t.length === o.length && t[t.length - 1] === 1 ? t.slice(0, -1) : t;
      if (o.length >= 1 && !shapesEqual(target, o.slice(0, -1))) {
        if (shapesEqual(target, o)) api.dataHints.push({ span, id: 'hint.labelsSparse', args: { y: yName } });
        return api.interp.raise(errorOf('targetShapeUpToLast', { target, output: o }), node);
      }
    } else if (!shapesEqual(t, o)) {
      // Integer labels (one per sample, or with a trailing axis of 1) where the loss wants one-hot rows.
      const labels = t[t.length - 1] === 1 ? t.slice(0, -1) : t;
      if (rule === 'categorical' && shapesEqual(labels, o.slice(0, -1)))
        api.dataHints.push({
          span,
          id: 'hint.labelsToCategorical',
          args: { y: yName, classes: String(o[o.length - 1]) },
        });
      return api.interp.raise(errorOf('targetShape', { target: t, output: o }), node);
    }
  }
  return undefined;
}

/** The training methods whose step computes the compiled loss and metrics. */
const COMPUTES_LOSS: ReadonlySet<string> = new Set(['fit', 'evaluate', 'train_on_batch', 'test_on_batch']);

/**
 * The loss and metric functions of the file that a training step calls, `fn(y_true, y_pred)`, run once on
 * tensors of shapes not told (traced, as Keras's step traces them): what Python raises in their body
 * (`K.sqrt`, which Keras 3's `keras.backend` lacks) is raised there, on their line.
 */
export function callUserLosses(api: KerasApi, model: ModelObj, method: string, node: SyntaxNode): void {
  if (!COMPUTES_LOSS.has(method) || !model.compiled) return;
  const { loss, metrics } = model.compiled;
  const functions = [loss, metrics].flatMap((v) =>
    !v ? [] : v.kind === 'function' ? [v] : (asItems(v) ?? (v.kind === 'dict' ? v.entries.map(([, x]) => x) : [])),
  );
  for (const f of functions) {
    if (f.kind !== 'function') continue;
    // More positional parameters without defaults than the two Keras passes: Python's TypeError, in Keras's code.
    const required = requiredPositional(f.fn);
    if (required && required.length > 2) {
      const missing = required.slice(2);
      api.interp.raise(errorOf('missingPositional', { fn: f.fn.name, names: missing }), node);
      return;
    }
    const tensor = (): Value => ({ kind: 'tensor', tensor: newTensor(null) });
    api.tracing++;
    try {
      api.interp.callFunction(f.fn, [tensor(), tensor()], [], undefined);
    } finally {
      api.tracing--;
    }
  }
}

/**
 * The names of a function's positional parameters that have no default, when they end its positional ones
 * (no `*args`, which would take what Keras passes); undefined when that is not plain to read.
 */
function requiredPositional(fn: FunctionObj): string[] | undefined {
  const params = fn.node.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment');
  if (!params) return undefined;
  const names: string[] = [];
  for (const p of params) {
    if (p.type === 'identifier') names.push(p.text);
    else if (p.type === 'typed_parameter') {
      const name = p.namedChildren.find((c) => c.type === 'identifier');
      if (!name) return undefined;
      names.push(name.text);
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') break;
    else if (p.type === 'keyword_separator' || p.type === 'dictionary_splat_pattern') break;
    else return undefined;
  }
  return names;
}
