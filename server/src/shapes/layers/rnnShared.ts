/**
 * What the recurrent layers share (`keras/src/layers/rnn/rnn.py`): the cell
 * model every RNN drives, `RNN.build` + `RNN.compute_output_shape`, and the
 * small value checks Keras's cell constructors make.
 *
 * Keras computes a recurrent layer's symbolic output with
 * `compute_output_shape`, never by tracing `call`: so `initial_state`, `mask`
 * and `unroll` never change the outcome of building a model, and only
 * `build` (weights, `stateful`) and `compute_output_shape` can raise.
 *
 * The recurrent rules keep a `RecurrentState` as constructor state, so that
 * Bidirectional and TimeDistributed can build them the way Keras does,
 * calling `build` directly without the layer's own InputSpec check.
 */

import { truthy, type Args } from '../args';
import { cannotTell, duringCall, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import type { CallResult, Weight } from '../rule';
import type { CallInputs } from '../tensors';
import type { Shape } from '../shape';
import { pyTypeName, type PyValue } from '../values';
import { kerasCallParams } from '../messages/layerCalls';

/** A cell as `RNN` uses it: its weights for a per-step input, and its output/state shapes. */
export interface CellModel {
  /** Python class name, for messages. */
  className: string;
  /** `cell.build(step_shape)`: the weights, raising where Keras's `add_weight` would. */
  build(step: Shape, path: string): Weight[];
  /**
   * Per-step output and state shapes without the batch axis, states flattened
   * in Keras's order (`tree.flatten` of `RNN.compute_output_shape`'s states).
   */
  shapes(step: Shape): { output: Shape; states: Shape[] };
  /**
   * Its size is a NumPy integer (`units`, `filters`): `RNN.compute_output_shape` refuses such an
   * `output_size` ('checked'); ConvLSTM's own lets it into the shapes ('unchecked'), which
   * `Layer.compute_output_spec` then reads item by item when there are several (`return_state`).
   */
  numpySize?: 'checked' | 'unchecked';
}

/** Constructor state of every recurrent layer rule (SimpleRNN, LSTM, GRU, RNN, ConvLSTM*D). */
export interface RecurrentState {
  kind: 'recurrent';
  /** Keras's default layer name (`lstm`, `conv_lstm2d`), for messages and weight paths. */
  layerName: string;
  /** `InputSpec(ndim=...)` of the layer; null for the generic `RNN` (no spec). */
  inputNdim: number | null;
  /** The cell, or null when it is a layer this engine cannot drive as a cell. */
  cell: CellModel | null;
  returnSequences: PyValue;
  returnState: PyValue;
  goBackwards: PyValue;
  stateful: PyValue;
}

export function isRecurrentState(s: unknown): s is RecurrentState {
  return typeof s === 'object' && s !== null && (s as { kind?: unknown }).kind === 'recurrent';
}

/** `RNN.build`: the cell's weights for one time step, then the `stateful` batch check. */
export function recurrentBuild(st: RecurrentState, x: Shape): Weight[] {
  if (!st.cell) cannotTell(`${st.layerName}: the cell is a layer this engine cannot run as a cell`);
  const batch = x.length > 0 ? x[0] : null;
  const weights = st.cell.build([batch, ...x.slice(2)], st.layerName);
  if (truthy(known(st.stateful, 'stateful')) && batch === null) {
    raise('rnnStatefulDynamicBatch', { shape: x });
  }
  return weights;
}

/** `compute_output_shape`: the output, then (with `return_state`) the states, batch first. */
export function recurrentShapes(st: RecurrentState, x: Shape): { outputs: Shape[]; single: boolean } {
  const cell = st.cell ?? cannotTell(`${st.layerName}: the cell is a layer this engine cannot run as a cell`);
  const batch = x[0];
  // Inside the call: it reads `sequences_shape[1]`, and the cell computes its output there.
  const { output, states } = duringCall(() => {
    if (x.length < 2) raise('indexOutOfRange', { seq: 'tuple' });
    if (cell.numpySize === 'checked') raise('rnnOutputSizeNotInteger', {});
    return cell.shapes([batch, ...x.slice(2)]);
  });
  const out: Shape = truthy(known(st.returnSequences, 'return_sequences'))
    ? [batch, x[1], ...output]
    : [batch, ...output];
  if (!truthy(known(st.returnState, 'return_state'))) return { outputs: [out], single: true };
  // Nested shapes holding a NumPy integer are no shape tuples: their first item becomes a tensor's shape.
  if (cell.numpySize === 'unchecked')
    duringCall(() =>
      batch === null
        ? raise('shapeUndefined', {})
        : raise('shapeNotConvertible', { shape: { kind: 'int', value: batch as number } }),
    );
  return { outputs: [out, ...states.map((s) => [batch, ...s])], single: false };
}

/**
 * `RNN.build` followed by `compute_output_shape`, on the full sequence shape
 * (no InputSpec check: callers that need it do it first).
 */
export function recurrentOutputs(st: RecurrentState, x: Shape): CallResult {
  const weights = recurrentBuild(st, x);
  return { ...recurrentShapes(st, x), weights };
}

/**
 * Keyword arguments `RNN.call(sequences, initial_state=None, mask=None, training=False)` takes (recorded),
 * and `inputs`, let through although Keras then misses `sequences` (a TypeError not modelled).
 */
const RNN_CALL_KWARGS = new Set([...kerasCallParams('RNN'), 'inputs']);

/** The layer's call: one sequence tensor, its InputSpec, then build + output shape. */
export function callRecurrent(st: RecurrentState, inputs: CallInputs): CallResult {
  for (const k of Object.keys(inputs.kwargs)) {
    if (!RNN_CALL_KWARGS.has(k)) raise('unexpectedKeywordBind', { name: k });
  }
  const x = singleInput(st.layerName, inputs);
  if (st.inputNdim !== null) checkInputSpec(st.layerName, x, { ndim: st.inputNdim });
  return recurrentOutputs(st, x);
}

/** The `RecurrentState` from the RNN base arguments every recurrent layer binds. */
export function recurrentState(a: Args, inputNdim: number | null, cell: CellModel | null): RecurrentState {
  return {
    kind: 'recurrent',
    layerName: layerName(a),
    inputNdim,
    cell,
    returnSequences: a.get('return_sequences'),
    returnState: a.get('return_state'),
    goBackwards: a.get('go_backwards'),
    stateful: a.get('stateful'),
  };
}

function known(v: PyValue, name: string): PyValue {
  if (v.kind === 'unknown') cannotTell(`\`${name}\` is not known statically`);
  return v;
}

/**
 * One variable as `add_weight` creates it: `standardize_shape` rejects None,
 * non-integer and negative dimensions ('?' passes: the count becomes unknown).
 * `floatDims` are the axes whose size came from a float argument
 * (`LSTM(4.0)`), which JavaScript numbers cannot tell from an int.
 */
export function weight(path: string, name: string, shape: Shape, floatDims: number[] = []): Weight {
  const value = shapeTuple(
    shape.map((d, i) => (floatDims.includes(i) && typeof d === 'number' ? { kind: 'float', value: d } : d)),
  );
  const items = value.items;
  if (shape.some((d) => d === null)) raise('variableShapeUndefined', { shape: value, path: `${path}/${name}` });
  if (floatDims.length > 0) raise('shapeInvalidDimension', { shape: value, dim: items[Math.min(...floatDims)] });
  if (shape.some((d) => typeof d === 'number' && d < 0)) raise('shapeNegativeDimension', { shape: value });
  return { name: `${path}/${name}`, shape, trainable: true };
}

/**
 * The `units` check every cell constructor makes (`if units <= 0: raise`).
 * Python compares, so a bool is 0/1, a float passes through, anything else
 * is a TypeError from the comparison itself.
 */
export function cellUnits(v: PyValue): { value: number; isFloat: boolean } {
  if (v.kind === 'unknown') cannotTell('`units` is not known statically');
  let value: number;
  if (v.kind === 'int' || v.kind === 'float') value = v.value;
  else if (v.kind === 'bool') value = Number(v.value);
  else raise('notOrderable', { op: '<=', left: pyTypeName(v), right: 'int' });
  if (value <= 0) raise('rnnUnitsNotPositive', { value: v });
  return { value, isFloat: v.kind === 'float' };
}

/** `min(1.0, max(0.0, rate))`: any number is clipped, a non-number fails the comparison. */
export function checkClippedRate(v: PyValue): void {
  if (v.kind === 'unknown' || v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return;
  raise('notOrderable', { op: '>', left: pyTypeName(v), right: 'float' });
}

/** `RNN.__init__`: a cell whose `state_size` is a bare number must be an int. */
export function checkIntStateSize(notInt: boolean): void {
  if (notInt) raise('rnnStateSizeNotInteger', {});
}

/** `use_cudnn not in ("auto", True, False)` (so 1 and 0.0 pass, as Python's == says). */
export function checkUseCudnn(v: PyValue): void {
  if (v.kind === 'unknown' || v.kind === 'bool') return;
  if (v.kind === 'str' && v.value === 'auto') return;
  if ((v.kind === 'int' || v.kind === 'float') && (v.value === 0 || v.value === 1)) return;
  raise('rnnUseCudnnInvalid', { value: v });
}

/** A name under `keras.layers` (a class object when not called). */
export function isKerasLayersName(qualname: string): boolean {
  return (
    /^(tf\.)?keras(\.src)?\.layers\.[A-Za-z_.]+$/.test(qualname) || qualname.startsWith('tensorflow.keras.layers.')
  );
}

/**
 * `keras.random.SeedGenerator(seed)`: None or an int; the JAX backend keeps
 * it as a uint32, so a negative or too large int overflows.
 */
export function checkSeed(v: PyValue): void {
  if (v.kind === 'unknown' || v.kind === 'none' || v.kind === 'bool') return;
  if (v.kind !== 'int') raise('seedNotInteger', { value: v });
  if (v.value < 0 || v.value >= 2 ** 32) raise('seedOutOfBounds', { seed: v.value });
}
