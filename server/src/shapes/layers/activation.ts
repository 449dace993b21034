/**
 * Activation layers (`keras/src/layers/activations/`): ReLU, LeakyReLU,
 * PReLU, ELU, Softmax. (`Activation` is a core layer.) Keras 3 has no
 * other names for them; `ThresholdedReLU` is gone and stays unknown.
 *
 * All keep their input's shape. Only PReLU has a weight: `alpha`, shaped
 * like the input without its batch axis, with each shared axis set to 1.
 */

import { truthy, type Args } from '../args';
import { cannotTell, raise } from '../errors';
import { singleInput } from '../inputSpec';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import type { CallInputs } from '../tensors';
import type { CallResult, LayerRule } from '../rule';
import type { Dim } from '../shape';
import { containsUnknown, pyTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import { asNumber, checkIfKnown, numberForCompare } from './reshapingPy';

function identity(a: Args, inputs: CallInputs): CallResult {
  return { outputs: [singleInput(layerName(a), inputs)], weights: [] };
}

/** `value is None or value < 0.0` as ReLU checks it (a non-number fails the comparison). */
function noneOrNegative(v: PyValue, literal: 'int' | 'float'): boolean {
  if (v.kind === 'none') return true;
  return numberForCompare(v, '<', literal, true) < 0;
}

/** ReLU's constructor checks, in its order: max_value, then negative_slope, then threshold. */
function checkReluArgs(a: Args): void {
  const max = a.known('max_value');
  if (max.kind !== 'none' && numberForCompare(max, '<', 'float', true) < 0) {
    raise('reluMaxValueNegative', { value: max });
  }
  for (const name of ['negative_slope', 'threshold']) {
    const v = a.known(name);
    if (noneOrNegative(v, 'float')) {
      raise('reluArgNoneOrNegative', { name, value: v });
    }
  }
}

const relu: LayerRule = {
  className: 'ReLU',
  signature: recordedParams('ReLU'),
  construct(a) {
    // Its arguments never change a shape: checked only when the source tells them all.
    checkIfKnown(a, ['max_value', 'negative_slope', 'threshold'], () => checkReluArgs(a));
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

const leakyRelu: LayerRule = {
  className: 'LeakyReLU',
  signature: recordedParams('LeakyReLU'),
  // Keras 3 still takes the Keras 2 keyword `alpha` (with a deprecation warning); it wins over `negative_slope`.
  construct(a) {
    const v = a.given('alpha') ? a.get('alpha') : a.get('negative_slope');
    // The slope never changes a shape: one the source does not tell passes.
    if (!containsUnknown(v) && noneOrNegative(v, 'int')) {
      raise('leakyReluSlopeInvalid', { value: v });
    }
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

/** PReLU's `shared_axes`: None, or a list (a lone value becomes a one-item list). */
function sharedAxes(v: PyValue): PyValue[] | null {
  if (v.kind === 'none') return null;
  return v.kind === 'list' || v.kind === 'tuple' ? v.items : [v];
}

/** `param_shape[i - 1] = 1` with Python's list indexing (negative from the end; out of range raises). */
function shareAxis(param: Dim[], axis: PyValue): void {
  const n = asNumber(axis);
  if (axis.kind === 'object' || axis.kind === 'layer') cannotTell('`shared_axes` item is an object');
  if (n === null) raise('unsupportedOperand', { op: '-', left: pyTypeName(axis), right: 'int' });
  if (n.isFloat) raise('listIndexNotInteger', { type: 'float' });
  const i = n.value - 1;
  if (i < -param.length || i >= param.length) raise('listAssignmentIndexOutOfRange', {});
  param[i < 0 ? i + param.length : i] = 1;
}

const prelu: LayerRule = {
  className: 'PReLU',
  signature: recordedParams('PReLU'),
  construct(a) {
    return sharedAxes(a.known('shared_axes'));
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    const param: Dim[] = x.slice(1);
    for (const axis of (state as PyValue[] | null) ?? []) shareAxis(param, axis);
    if (param.includes(null))
      raise('variableShapeUndefined', { shape: shapeTuple(param), path: `${layerName(a)}/alpha` });
    // `trainable=False` on the layer makes its weight non-trainable.
    const trainable = a.given('trainable') ? truthy(a.known('trainable')) : true;
    return { outputs: [x], weights: [{ name: 'alpha', shape: param, trainable }] };
  },
};

const elu: LayerRule = {
  className: 'ELU',
  // `alpha` is stored unchecked: any value builds on a symbolic call.
  signature: recordedParams('ELU'),
  call: (a, inputs) => identity(a, inputs),
};

const softmax: LayerRule = {
  className: 'Softmax',
  // `axis` is only used when computing values; the output shape is the input's whatever it is.
  signature: recordedParams('Softmax'),
  call: (a, inputs) => identity(a, inputs),
};

export const rules: LayerRule[] = [relu, leakyRelu, prelu, elu, softmax];
