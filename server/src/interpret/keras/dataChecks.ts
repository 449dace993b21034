/**
 * The data against the model where Keras 3 checks it: `fit`, `evaluate`,
 * `predict` and their `*_on_batch` twins. In Keras's order: the sample counts
 * of `x`, `y` and `sample_weight`; a Sequential without an input built from
 * the first batch; the inputs against the model (a functional model's input
 * spec, `_adjust_input_rank`, then each layer's own checks on the batch); the
 * targets against the outputs per loss. Shapes carry the first batch's size,
 * as Keras prints them. A shape the source does not tell checks nothing.
 */

import { callLayer } from '../../shapes/engine';
import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { errorOf, type CheckedError } from '../../shapes/errors';
import { asItems, kwarg, type LayerObj, type ModelObj, type Span, spanOf, type Value } from '../values';
import type { KerasApi } from './api';
import { canonicalName } from './names';
import { sequentialRebuild } from './sequential';
import { accuracyError, missingFlattenHint } from './targetChecks';
import { buildByBatch, inModelOrder, lossesByName } from './dataStructure';

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

/** The inputs a built model was made with, with their names as Keras's input spec and tensors call them. */
function modelInputs(model: ModelObj): Array<{ shape: Shape; name: string }> | undefined {
  if (model.kind === 'Sequential') {
    // A Sequential's graph starts at a KerasTensor of its own.
    return model.inputShape ? [{ shape: model.inputShape, name: 'keras_tensor' }] : undefined;
  }
  const ins = model.functional?.inputs;
  if (!ins || ins.some((t) => !t.shape)) return undefined;
  return ins.map((t) => ({ shape: t.shape as Shape, name: t.node?.op.name ?? 'input_layer' }));
}

const dropTrailingOne = (s: Shape): Shape => (s.length > 0 && s[s.length - 1] === 1 ? s.slice(0, -1) : s);

function checkInputs(
  api: KerasApi,
  model: ModelObj,
  all: Shape[],
  trains: boolean,
  node: SyntaxNode,
  countsInputs: boolean,
): Raised {
  const refs = modelInputs(model);
  // A list of arrays for a Sequential's one input: Keras warns and its graph runs on the first.
  const extra = model.kind === 'Sequential' && refs?.length === 1 && all.length > 1;
  const given = extra ? all.slice(0, 1) : all;
  if (!refs || model.instance) return undefined;
  // A functional model's input spec names each input: `fit` and `evaluate` (not `predict`, which runs the
  // graph on what it is given) refuse another number of arrays by those names.
  if (
    countsInputs &&
    refs.length !== given.length &&
    model.kind !== 'Sequential' &&
    model.functional?.inputs.every((t) => t.node?.op.name !== undefined)
  )
    return api.interp.raise(
      errorOf('inputSpecCountNamed', { layer: model.name, names: refs.map((r) => r.name), given: given.length }),
      node,
    );
  if (refs.length !== given.length) return undefined;
  if (refs.length === 1) inputHint(api, given[0], refs[0].shape, node);
  const dtype = 'float32';
  // Keras's raise ends the run here (it throws): the cure is noted first and taken back when nothing raised.
  const hint = api.pendingHint;
  api.pendingHint = undefined;
  if (hint) api.dataHints.push(hint);
  const raised = inputChecks(api, model, refs, given, trains, node, dtype, extra ? all : undefined);
  if (!raised && hint) api.dataHints.splice(api.dataHints.indexOf(hint), 1);
  return raised;
}

/**
 * The cure for data `given` against the model's input `ref` (both with the
 * batch axis), noted until a check raises: the axes permuted (the transpose
 * that orders them), the batch axis or one other axis missing (`expand_dims`),
 * or the same number of values in another shape (`reshape`).
 */
function inputHint(api: KerasApi, given: Shape, ref: Shape, node: SyntaxNode): void {
  const name = api.dataArgText;
  const g = given.slice(1);
  const r = ref.slice(1);
  const span = spanOf(node);
  api.pendingHint = undefined;
  if (!g.every((d) => typeof d === 'number') || !r.every((d) => typeof d === 'number')) return;
  if (g.length === r.length && g.some((d, i) => d !== r[i])) {
    const used = new Set<number>();
    const perm: number[] = [];
    for (const d of r) {
      const k = g.findIndex((e, i) => e === d && !used.has(i));
      if (k < 0) break;
      used.add(k);
      perm.push(k + 1);
    }
    if (perm.length === r.length)
      api.pendingHint = {
        span,
        id: 'hint.dataTranspose',
        args: { fix: `np.transpose(${name}, (0, ${perm.join(', ')}))` },
      };
    return;
  }
  // One sample where a batch is wanted: the data is the model's input without the batch axis.
  if (given.length === r.length && given.every((d, i) => d === r[i])) {
    api.pendingHint = { span, id: 'hint.dataExpandDims', args: { fix: `np.expand_dims(${name}, 0)` } };
    return;
  }
  if (g.length === r.length - 1) {
    for (let k = 0; k <= g.length; k++) {
      const withAxis = [...g.slice(0, k), 1, ...g.slice(k)];
      if (withAxis.every((d, i) => d === r[i])) {
        api.pendingHint = {
          span,
          id: 'hint.dataExpandDims',
          args: { fix: `np.expand_dims(${name}, ${k + 1 === r.length ? -1 : k + 1})` },
        };
        return;
      }
    }
  }
  const size = (s: Shape) => (s as number[]).reduce((p, d) => p * d, 1);
  if (g.length !== r.length && size(g) === size(r))
    api.pendingHint = { span, id: 'hint.dataReshape', args: { fix: `${name}.reshape(-1, ${r.join(', ')})` } };
}

function inputChecks(
  api: KerasApi,
  model: ModelObj,
  refs: Array<{ shape: Shape; name: string }>,
  given: Shape[],
  trains: boolean,
  node: SyntaxNode,
  dtype: string,
  givenList?: Shape[],
): Raised {
  if (model.kind !== 'Sequential') {
    // Functional.input_spec: each input's shape with the batch axis open; a trailing 1 dropped on either side.
    for (let i = 0; i < refs.length; i++) {
      const spec: Shape = [null, ...refs[i].shape.slice(1)];
      const a = dropTrailingOne(spec);
      const b = dropTrailingOne(given[i]);
      for (let k = 0; k < Math.min(a.length, b.length); k++) {
        if (typeof a[k] === 'number' && typeof b[k] === 'number' && a[k] !== b[k])
          return api.interp.raise(
            errorOf('modelInputSpec', { index: i, name: refs[i].name, model: model.name, spec, found: b }),
            node,
          );
      }
    }
  }
  // Functional._adjust_input_rank: one trailing axis of 1 is added or dropped; any other rank is refused.
  const adjusted: Shape[] = [];
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i].shape;
    const g = given[i];
    if (g.length === ref.length) adjusted.push(g);
    else if (g.length === ref.length + 1 && g[g.length - 1] === 1) adjusted.push(g.slice(0, -1));
    else if (g.length === ref.length - 1 && ref[ref.length - 1] === 1) adjusted.push([...g, 1]);
    else {
      const path = refs.length === 1 ? '' : String(i);
      const inner = errorOf('invalidInputShape', {
        given: g,
        dtype,
        name: refs[i].name,
        path,
        ref: [null, ...ref.slice(1)],
      });
      const wrapped =
        trains && model.kind === 'Sequential'
          ? errorOf('sequentialCall', { inner, given: g, dtype, givenList })
          : inner;
      return api.interp.raise(wrapped, node);
    }
  }
  // A Sequential runs its layers on the batch: the first layer that refuses it raises.
  if (model.kind === 'Sequential') {
    let shape = adjusted[0];
    for (const layer of model.layers) {
      if (layer.constructed.status !== 'ok' || layer.model || layer.instance) return undefined;
      const r = callLayer(layer.constructed.layer, { args: [{ kind: 'tensor', shape }], kwargs: {} }, api.options);
      if (r.status === 'error') {
        const inner = r.error;
        const wrapped = trains ? errorOf('sequentialCall', { inner, given: given[0], dtype, givenList }) : inner;
        return api.interp.raise(wrapped, node);
      }
      if (r.status !== 'ok' || r.outputs.length !== 1) return undefined;
      const refused = builtWeightsRefuse(layer, shape, r.weights);
      if (refused === 'backend') {
        // The backend's own op fails on the weights (not a ValueError): `fit`'s symbolic build says so; elsewhere its text is the backend's.
        return trains ? api.interp.raise(errorOf('unableToBuild', {}), node) : undefined;
      }
      if (refused) {
        const wrapped = trains
          ? errorOf('sequentialCall', { inner: refused, given: given[0], dtype, givenList })
          : refused;
        return api.interp.raise(wrapped, node);
      }
      shape = r.outputs[0];
    }
  }
  return undefined;
}

/**
 * Classes whose `build` pins the channels axis in their input spec
 * (`InputSpec(axes={-1: ...})`): a batch with another last axis is refused
 * by name. channels_first layers pin axis 1 and are left alone.
 */
const PINS_LAST_AXIS = new Set([
  'Dense',
  'Conv1D',
  'Conv2D',
  'Conv3D',
  'SeparableConv1D',
  'SeparableConv2D',
  'DepthwiseConv1D',
  'DepthwiseConv2D',
  'Conv1DTranspose',
  'Conv2DTranspose',
  'Conv3DTranspose',
]);

/**
 * A built layer fed a batch its weights were not made for: the layer's own
 * input spec refuses it when its build pinned the last axis; undefined when
 * the weights fit. A layer whose spec does not pin the axis gets `backend`:
 * the backend's own op is what fails there.
 */
function builtWeightsRefuse(
  layer: LayerObj,
  shape: Shape,
  weights: Array<{ shape: Shape }>,
): CheckedError | 'backend' | undefined {
  const before = layer.weights;
  if (before.length === 0 || before.length !== weights.length) return undefined;
  if (before.every((w, i) => equalShapes(w.shape, weights[i].shape))) return undefined;
  if (!PINS_LAST_AXIS.has(layer.className)) return 'backend';
  const built = layer.inputShapes?.[0];
  const value = built?.[built.length - 1];
  // Weights that changed with another axis than the last (channels_first) are not judged here.
  if (typeof value !== 'number' || value === shape[shape.length - 1]) return undefined;
  return errorOf('inputSpecAxis', { index: 0, layer: layer.name, axis: -1, value, shape });
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

const equalShapes = (a: Shape, b: Shape) => a.length === b.length && a.every((d, i) => d === b[i]);

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
      if (o.length >= 1 && !equalShapes(target, o.slice(0, -1))) {
        if (equalShapes(target, o)) api.dataHints.push({ span, id: 'hint.labelsSparse', args: { y: yName } });
        return api.interp.raise(errorOf('targetShapeUpToLast', { target, output: o }), node);
      }
    } else if (!equalShapes(t, o)) {
      // Integer labels (one per sample, or with a trailing axis of 1) where the loss wants one-hot rows.
      const labels = t[t.length - 1] === 1 ? t.slice(0, -1) : t;
      if (rule === 'categorical' && equalShapes(labels, o.slice(0, -1)))
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
