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

import { p } from '../args';
import { cannotTell, KerasError, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import type { CallResult, ConstructedLayer, LayerRule, RuleContext } from '../rule';
import { formatShape, type Shape } from '../shape';
import { singleTensorCall, type CallInputs } from '../tensors';
import { pyRepr, type PyValue } from '../values';
import { isRecurrentState, pyStr, recurrentBuild, recurrentShapes, snakeName, type RecurrentState } from './rnnShared';

/** Objects from these namespaces are never layers; anything else called may be (a `keras.Sequential(...)`). */
const NOT_LAYER_MODULES =
  /^(tf\.)?keras\.(initializers|regularizers|constraints|activations|optimizers|losses|metrics|callbacks|ops|random)\b/;

/** The `layer` argument of a wrapper, which must be a `keras.layers.Layer` instance. */
function wrappedLayer(v: PyValue, ctx: RuleContext, message: string): ConstructedLayer {
  if (v.kind === 'unknown') cannotTell('the wrapped layer is not known statically');
  if (v.kind === 'object' && v.called && !NOT_LAYER_MODULES.test(v.qualname))
    cannotTell(`${v.qualname}(...) may be a layer`);
  if (v.kind !== 'layer') raise(`${message} Received: ${pyStr(v)}`);
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
  if (backwardGiven) raise(`'${name}' object has no attribute 'go_backwards'`, 'AttributeError');
  if (WRAPPERS.has(name)) raise(`Unrecognized keyword arguments passed to ${name}: {'go_backwards': True}`);
  raise(
    `<class '${name}'> could not be deserialized properly: its config was given \`go_backwards=True\`, ` +
      'which only recurrent layers accept. Bidirectional expects a recurrent layer (RNN, LSTM, GRU, SimpleRNN, ConvLSTM).',
    'TypeError',
  );
}

/** `Bidirectional._verify_layer_config`. */
function verifyPair(fw: RecurrentState, bw: RecurrentState): void {
  if (pyEquals(fw.goBackwards, bw.goBackwards)) {
    raise(
      'Forward layer and backward layer should have different `go_backwards` value. Received: ' +
        `forward_layer.go_backwards ${pyStr(fw.goBackwards)}, backward_layer.go_backwards=${pyStr(bw.goBackwards)}`,
    );
  }
  const attrs: Array<[string, keyof RecurrentState]> = [
    ['stateful', 'stateful'],
    ['return_sequences', 'returnSequences'],
    ['return_state', 'returnState'],
  ];
  for (const [attr, key] of attrs) {
    const f = fw[key] as PyValue;
    const b = bw[key] as PyValue;
    if (!pyEquals(f, b)) {
      raise(
        `Forward layer and backward layer are expected to have the same value for attribute "${attr}", ` +
          `got "${pyStr(f)}" for forward layer and "${pyStr(b)}" for backward layer`,
      );
    }
  }
}

function mergeModeOf(v: PyValue): string | null {
  if (v.kind === 'unknown') cannotTell('`merge_mode` is not known statically');
  if (v.kind === 'none') return null;
  if (v.kind === 'str' && ['sum', 'mul', 'ave', 'concat'].includes(v.value)) return v.value;
  raise(`Invalid merge mode. Received: ${pyStr(v)}. Merge mode should be one of {"sum", "mul", "ave", "concat", None}`);
}

/** `if weights: nw = len(weights); weights[: nw // 2]`: a truthy value must be a sliceable sequence. */
function checkInitialWeights(v: PyValue): void {
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') {
    if (v.value) raise(`object of type '${v.kind}' has no len()`, 'TypeError');
  } else if (v.kind === 'dict' && v.entries.length > 0) {
    raise("unhashable type: 'slice'", 'TypeError');
  }
}

const bidirectional: LayerRule = {
  className: 'Bidirectional',
  signature: [p('layer'), p('merge_mode', 'concat'), p('weights', null), p('backward_layer', null)],
  construct(a, ctx): BidirectionalState {
    const layer = wrappedLayer(
      a.get('layer'),
      ctx,
      'Please initialize `Bidirectional` layer with a `keras.layers.Layer` instance.',
    );
    const bv = a.get('backward_layer');
    const backLayer =
      bv.kind === 'none' ? null : wrappedLayer(bv, ctx, '`backward_layer` need to be a `keras.layers.Layer` instance.');
    const mergeMode = mergeModeOf(a.get('merge_mode'));
    const forward = forwardOf(layer, backLayer !== null);
    let backward: RecurrentState | null = null;
    if (backLayer) {
      if (!isRecurrentState(backLayer.state))
        raise(`'${backLayer.rule.className}' object has no attribute 'go_backwards'`, 'AttributeError');
      backward = backLayer.state;
    }
    verifyPair(forward, backward ?? { ...forward, goBackwards: { kind: 'bool', value: true } });
    checkInitialWeights(a.get('weights'));
    return { forward, backward, mergeMode };
  },
  call(_a, inputs, _ctx, state): CallResult {
    const st = state as BidirectionalState;
    const x = singleInput('bidirectional', inputs);
    // `self.input_spec = layer.input_spec`
    if (st.forward.inputNdim !== null) checkInputSpec('bidirectional', x, { ndim: st.forward.inputNdim });
    const weights = recurrentBuild(st.forward, x);
    weights.push(...recurrentBuild(st.backward ?? st.forward, x));
    // Only the forward layer's `compute_output_shape` is consulted.
    const shapes = recurrentShapes(st.forward, x);
    const [out, ...states] = shapes.outputs;
    let merged: Shape[];
    if (st.mergeMode === 'concat') {
      const last = out[out.length - 1];
      if (last === null) raise("unsupported operand type(s) for *=: 'NoneType' and 'int'", 'TypeError');
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
  try {
    return ctx.call(inner, singleTensorCall(child));
  } catch (e) {
    if (
      e instanceof KerasError &&
      /is incompatible with the layer/.test(e.message) &&
      !RANK_STRICT.test(inner.rule.className)
    ) {
      cannotTell(`TimeDistributed: Keras does not check ${inner.rule.className}'s input spec here`);
    }
    throw e;
  }
}

const TD_CALL_KWARGS = new Set(['inputs', 'training', 'mask']);

const timeDistributed: LayerRule = {
  className: 'TimeDistributed',
  signature: [p('layer')],
  construct(a, ctx): ConstructedLayer {
    return wrappedLayer(
      a.get('layer'),
      ctx,
      'Please initialize `TimeDistributed` layer with a `keras.layers.Layer` instance.',
    );
  },
  call(_a, inputs: CallInputs, ctx, state): CallResult {
    for (const k of Object.keys(inputs.kwargs)) {
      if (!TD_CALL_KWARGS.has(k)) raise(`got an unexpected keyword argument '${k}'`, 'TypeError');
    }
    const inner = state as ConstructedLayer;
    const x = singleInput('time_distributed', inputs);
    if (x.length < 3) {
      raise(
        `\`TimeDistributed\` Layer should be passed an \`input_shape\` with at least 3 dimensions, received: ${formatShape(x)}`,
      );
    }
    const child: Shape = [x[0], ...x.slice(2)];
    let r: CallResult;
    if (isRecurrentState(inner.state)) {
      const weights = recurrentBuild(inner.state, child);
      r = { ...recurrentShapes(inner.state, child), weights };
    } else {
      r = callInner(ctx, inner, child);
    }
    if (r.outputs.length !== 1 || r.single === false) {
      raise(
        `Cannot convert the output of ${snakeName(inner.rule.className)} to a shape: TimeDistributed needs a layer with a single output.`,
      );
    }
    const o = r.outputs[0];
    return { outputs: [[o[0] ?? null, x[1], ...o.slice(1)]], weights: r.weights };
  },
};

export const rules: LayerRule[] = [bidirectional, timeDistributed];
