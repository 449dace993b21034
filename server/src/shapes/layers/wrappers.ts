/**
 * Layer wrappers (`keras/src/layers/rnn/bidirectional.py`,
 * `time_distributed.py`): Bidirectional and TimeDistributed.
 *
 * Both build their inner layer(s) by calling `build` directly and take the
 * output from `compute_output_shape`, so the inner layer's own InputSpec is
 * never checked. For recurrent inner layers this file does the same through
 * `recurrentBuild`/`recurrentShapes`; other inner layers go through
 * `ctx.call`, whose InputSpec refusals are therefore not Keras's answer
 * (see `callInner`).
 */

import { cannotTell, duringCall, KerasError, raise } from '../errors';
import { checkInputSpec, singleInput, withoutInputSpec } from '../inputSpec';
import { kerasClassOf, kerasModuleOf } from '../messages/layerCalls';
import type { LayerConfig } from '../messages/wrappers';
import { layerName } from '../naming';
import type { CallResult, ConstructedLayer, LayerRule, RuleContext } from '../rule';
import type { Shape } from '../shape';
import { singleTensorCall, type CallInputs } from '../tensors';
import { pyRepr, pyTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import { isRecurrentState, recurrentBuild, recurrentShapes, type RecurrentState } from './rnnShared';
import { kerasCallParams } from '../messages/layerCalls';

/** Objects from these namespaces are never layers; anything else called may be (a `keras.Sequential(...)`). */
const NOT_LAYER_MODULES =
  /^(tf\.)?keras\.(initializers|regularizers|constraints|activations|optimizers|losses|metrics|callbacks|ops|random)\b/;

/** The `layer` argument of a wrapper (or Bidirectional's `backward_layer`), which must be a `keras.layers.Layer` instance. */
function wrappedLayer(
  v: PyValue,
  ctx: RuleContext,
  wrapper: 'Bidirectional' | 'TimeDistributed',
  backward = false,
): ConstructedLayer {
  if (v.kind === 'unknown') cannotTell('the wrapped layer is not known statically');
  if (v.kind === 'object' && v.called && !NOT_LAYER_MODULES.test(v.qualname))
    cannotTell(`${v.qualname}(...) may be a layer`);
  if (v.kind !== 'layer') raise(backward ? 'backwardNotALayer' : 'wrapperNotALayer', { wrapper, value: v });
  return ctx.construct(v.call);
}

// ---------------------------------------------------------------- Bidirectional

interface BidirectionalState {
  forward: RecurrentState;
  /** The backward layer, or null when it is the forward layer's copy with `go_backwards=True`. */
  backward: RecurrentState | null;
  mergeMode: string | null;
}

const WRAPPERS = new Set(['Bidirectional', 'TimeDistributed']);

/** Python's `==` between two constructor values (the attributes `_verify_layer_config` compares). */
function pyEquals(x: PyValue, y: PyValue): boolean {
  if (x.kind === 'unknown' || y.kind === 'unknown') cannotTell('a recurrent flag is not known statically');
  const num = (v: PyValue): number | null =>
    v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? Number(v.value) : null;
  const a = num(x);
  const b = num(y);
  if (a !== null || b !== null) return a === b;
  return x.kind === y.kind && pyRepr(x) === pyRepr(y);
}

/** The forward layer must accept `go_backwards` (Keras re-creates it from its config with that key). */
function forwardOf(layer: ConstructedLayer, backwardGiven: boolean): RecurrentState {
  if (isRecurrentState(layer.state)) return layer.state;
  const name = layer.rule.className;
  if (backwardGiven) raise('goBackwardsMissing', { className: name });
  if (WRAPPERS.has(name))
    raise('unrecognizedKeywords', { className: name, kwargs: [['go_backwards', { kind: 'bool', value: true }]] });
  raise('bidirectionalNotRecurrent', { config: configOf(layer, 'backward_') });
}

/** The layer's config as Keras serializes it to re-create it, with its name given this prefix. */
function configOf(layer: ConstructedLayer, prefix: string): LayerConfig {
  const a = layer.args;
  const dtype = a.get('dtype');
  const trainable = a.get('trainable');
  return {
    className: kerasClassOf(layer.rule.className),
    module: kerasModuleOf(layer.rule.className),
    name: `${prefix}${layerName(a).replace(new RegExp(`^${prefix}`), '')}`,
    trainable: trainable.kind === 'bool' ? trainable.value : true,
    dtype: dtype.kind === 'str' ? dtype.value : 'float32',
    entries: layer.rule.signature.map((q): [string, PyValue] => [q.name, a.get(q.name)]),
  };
}

/** `Bidirectional._verify_layer_config`. */
function verifyPair(fw: RecurrentState, bw: RecurrentState): void {
  if (pyEquals(fw.goBackwards, bw.goBackwards)) {
    raise('goBackwardsEqual', { forward: fw.goBackwards, backward: bw.goBackwards });
  }
  const attrs: Array<[string, keyof RecurrentState]> = [
    ['stateful', 'stateful'],
    ['return_sequences', 'returnSequences'],
    ['return_state', 'returnState'],
  ];
  for (const [attr, key] of attrs) {
    const f = fw[key] as PyValue;
    const b = bw[key] as PyValue;
    if (!pyEquals(f, b)) raise('forwardBackwardMismatch', { attribute: attr, forward: f, backward: b });
  }
}

function mergeModeOf(v: PyValue): string | null {
  if (v.kind === 'unknown') cannotTell('`merge_mode` is not known statically');
  if (v.kind === 'none') return null;
  if (v.kind === 'str' && ['sum', 'mul', 'ave', 'concat'].includes(v.value)) return v.value;
  raise('mergeModeInvalid', { value: v });
}

/** `if weights: nw = len(weights); weights[: nw // 2]`: a truthy value must be a sliceable sequence. */
function checkInitialWeights(v: PyValue): void {
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') {
    if (v.value) raise('noLen', { type: pyTypeName(v) });
  } else if (v.kind === 'dict' && v.entries.length > 0) {
    raise('unhashableSlice', {});
  }
}

const bidirectional: LayerRule = {
  className: 'Bidirectional',
  signature: recordedParams('Bidirectional'),
  construct(a, ctx): BidirectionalState {
    const layer = wrappedLayer(a.get('layer'), ctx, 'Bidirectional');
    const bv = a.get('backward_layer');
    const backLayer = bv.kind === 'none' ? null : wrappedLayer(bv, ctx, 'Bidirectional', true);
    const mergeMode = mergeModeOf(a.get('merge_mode'));
    const forward = forwardOf(layer, backLayer !== null);
    let backward: RecurrentState | null = null;
    if (backLayer) {
      if (!isRecurrentState(backLayer.state)) raise('goBackwardsMissing', { className: backLayer.rule.className });
      backward = backLayer.state;
    }
    verifyPair(forward, backward ?? { ...forward, goBackwards: { kind: 'bool', value: true } });
    checkInitialWeights(a.get('weights'));
    return { forward, backward, mergeMode };
  },
  call(a, inputs, _ctx, state): CallResult {
    const st = state as BidirectionalState;
    const x = singleInput(layerName(a), inputs);
    // `self.input_spec = layer.input_spec`
    if (st.forward.inputNdim !== null) checkInputSpec(layerName(a), x, { ndim: st.forward.inputNdim });
    const weights = recurrentBuild(st.forward, x);
    weights.push(...recurrentBuild(st.backward ?? st.forward, x));
    // Only the forward layer's `compute_output_shape` is consulted.
    const shapes = recurrentShapes(st.forward, x);
    const [out, ...states] = shapes.outputs;
    let merged: Shape[];
    if (st.mergeMode === 'concat') {
      const last = out[out.length - 1];
      // `compute_output_shape`, inside the call.
      if (last === null) duringCall(() => raise('unsupportedOperand', { op: '*=', left: 'NoneType', right: 'int' }));
      merged = [[...out.slice(0, -1), typeof last === 'number' ? last * 2 : last]];
    } else if (st.mergeMode === null) {
      merged = [out, out];
    } else {
      merged = [out];
    }
    if (shapes.single) return { outputs: merged, single: merged.length === 1, weights };
    return { outputs: [...merged, ...states, ...states], single: false, weights };
  },
};

// -------------------------------------------------------------- TimeDistributed

/** Layers whose `compute_output_shape` itself refuses an input of the wrong rank. */
const RANK_STRICT = /^(Conv|Convolution)[123]D$/;

/**
 * Builds a non-recurrent inner layer on the per-step shape through its rule.
 * Keras skips the inner layer's InputSpec here, so a refusal from that check
 * is not Keras's answer: it stands only where `compute_output_shape` refuses
 * the same rank (convolutions); elsewhere the answer is unknown.
 */
function callInner(ctx: RuleContext, inner: ConstructedLayer, child: Shape): CallResult {
  // A convolution's own output-shape check refuses the rank its input spec would have: that check is Keras's answer.
  if (RANK_STRICT.test(inner.rule.className))
    return withoutInputSpec(() => ctx.call(inner, singleTensorCall(child), { direct: true }));
  try {
    return ctx.call(inner, singleTensorCall(child), { direct: true });
  } catch (e) {
    if (e instanceof KerasError && e.kind.startsWith('inputSpec'))
      cannotTell(`TimeDistributed: Keras does not check ${inner.rule.className}'s input spec here`);
    throw e;
  }
}

const TD_CALL_KWARGS = new Set(kerasCallParams('TimeDistributed'));

const timeDistributed: LayerRule = {
  className: 'TimeDistributed',
  signature: recordedParams('TimeDistributed'),
  construct(a, ctx): ConstructedLayer {
    return wrappedLayer(a.get('layer'), ctx, 'TimeDistributed');
  },
  call(a, inputs: CallInputs, ctx, state): CallResult {
    for (const k of Object.keys(inputs.kwargs)) {
      if (!TD_CALL_KWARGS.has(k)) raise('unexpectedKeywordBind', { name: k });
    }
    const inner = state as ConstructedLayer;
    const x = singleInput(layerName(a), inputs);
    if (x.length < 3) raise('timeDistributedRankTooLow', { shape: x });
    const child: Shape = [x[0], ...x.slice(2)];
    let r: CallResult;
    if (isRecurrentState(inner.state)) {
      const weights = recurrentBuild(inner.state, child);
      r = { ...recurrentShapes(inner.state, child), weights };
    } else {
      r = callInner(ctx, inner, child);
    }
    if (r.outputs.length !== 1 || r.single === false) {
      raise('timeDistributedManyOutputs', { layer: layerName(inner.args) });
    }
    const o = r.outputs[0];
    return { outputs: [[o[0] ?? null, x[1], ...o.slice(1)]], weights: r.weights };
  },
};

export const rules: LayerRule[] = [bidirectional, timeDistributed];
