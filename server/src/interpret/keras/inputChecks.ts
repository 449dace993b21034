/**
 * The data's inputs against a built model at `fit`, `evaluate` and
 * `predict` (dataChecks.ts runs them in Keras's order): a functional model's
 * input spec, `_adjust_input_rank`, then a Sequential's layers one by one on
 * the batch, each built layer's input spec against the weights it was built
 * with. Before the checks raise, the cure is noted (`np.transpose`,
 * `np.expand_dims`, `reshape`) as a `DataHint` for analysis/ to write.
 */

import { callLayer } from '../../shapes/engine';
import { errorOf, type CheckedError } from '../../shapes/errors';
import { shapesEqual, type Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { type LayerObj, type ModelObj, spanOf, type Value } from '../values';
import type { KerasApi } from './api';
import { withLayerName } from './errorNames';

type Raised = Value | undefined;

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

/**
 * `countsInputs`: the method refuses another number of arrays than a functional model's inputs (`fit` and
 * `evaluate`; `predict` runs the graph on what it is given).
 */
export function checkInputs(
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
  // A functional model's input spec names each input: another number of arrays is refused by those names.
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
        const inner = withLayerName(r.error, layer);
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
  if (before.every((w, i) => shapesEqual(w.shape, weights[i].shape))) return undefined;
  if (!PINS_LAST_AXIS.has(layer.className)) return 'backend';
  const built = layer.inputShapes?.[0];
  const value = built?.[built.length - 1];
  // Weights that changed with another axis than the last (channels_first) are not judged here.
  if (typeof value !== 'number' || value === shape[shape.length - 1]) return undefined;
  return errorOf('inputSpecAxis', { index: 0, layer: layer.name, axis: -1, value, shape });
}
