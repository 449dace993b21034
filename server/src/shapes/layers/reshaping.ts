/**
 * Reshaping layers (`keras/src/layers/reshaping/`): Flatten, Reshape,
 * Permute, RepeatVector here; Cropping, ZeroPadding and UpSampling (1D/2D/3D)
 * in `reshapingSpatial.ts`. None of them has weights.
 */

import { cannotTell, duringCall, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import { dimProduct, type Dim } from '../shape';
import { containsUnknown, pyTypeName, tuple, type PyValue } from '../values';
import { pyIterItems } from '../python/validation';
import { asNumber } from './reshapingPy';
import { recordedParams } from '../signatures';
import { spatialRules } from './reshapingSpatial';

const flatten: LayerRule = {
  className: 'Flatten',
  signature: recordedParams('Flatten'),
  construct(a) {
    // Validated, though the flattened size does not depend on it (so a value the source does not tell passes).
    if (a.get('data_format').kind !== 'unknown') a.dataFormat();
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    checkInputSpec(layerName(a), x, { minNdim: 1 });
    const rest = x.slice(1);
    // A batch-only input gains a feature axis of 1.
    const flat: Dim = rest.length === 0 ? 1 : dimProduct(rest);
    return { outputs: [[x[0], flat]], weights: [] };
  },
};

/** Reshape's target: each item an int (`-1` = inferred) or null where it is not an int (Keras makes it None). */
interface ReshapeTarget {
  dims: Array<number | null>;
  /** `tuple(target_shape)`, as the messages print it. */
  value: PyValue;
}

/** `tuple(target_shape)` then `validate_reshape_shape`. */
function reshapeTarget(v: PyValue): ReshapeTarget {
  const items = pyIterItems(v);
  if (items === null) raise('notIterable', { type: pyTypeName(v) });
  if (containsUnknown(tuple(items))) cannotTell('Reshape: `target_shape` is not known statically');
  const target = tuple(items);
  const dims = items.map((x) => (x.kind === 'int' || x.kind === 'bool' ? (asNumber(x)?.value ?? null) : null));
  if (dims.some((d) => d !== null && d < -1)) raise('reshapeTargetDimInvalid', { target });
  if (dims.filter((d) => d === -1).length > 1) raise('reshapeTargetTwoUnknown', { target });
  return { dims, value: target };
}

/** `operation_utils.compute_reshape_output_shape` on the non-batch axes. */
function reshapeOutput(input: Dim[], t: ReshapeTarget): Dim[] {
  // A None anywhere: the -1 cannot be inferred and stays None; nothing is checked.
  if (input.includes(null) || t.dims.includes(null)) return t.dims.map((d) => (d === -1 ? null : d));
  const dims = t.dims as number[];
  // A '?' input axis: Keras would check sizes we cannot; the inferred axis is unknown too.
  if (input.includes('?')) return dims.map((d) => (d === -1 ? '?' : d));
  const size = (input as number[]).reduce((s, d) => s * d, 1);
  const known = dims.filter((d) => d !== -1).reduce((s, d) => s * d, 1);
  if (!dims.includes(-1)) {
    if (size !== known) raise('reshapeSizeChanged', { input, target: t.value });
    return dims;
  }
  if (known === 0 || size % known !== 0) raise('reshapeSizeNotDivisible', { input, target: t.value });
  return dims.map((d) => (d === -1 ? size / known : d));
}

const reshape: LayerRule = {
  className: 'Reshape',
  signature: recordedParams('Reshape'),
  construct(a) {
    return reshapeTarget(a.known('target_shape'));
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    // `compute_output_shape` runs inside the call.
    const out = duringCall(() => reshapeOutput(x.slice(1), state as ReshapeTarget));
    return { outputs: [[x[0], ...out]], weights: [] };
  },
};

/** Permute's `dims` must sort to 1..n (Python compares 2.0 == 2, so floats pass here and fail at call). */
function permuteDims(v: PyValue): PyValue[] {
  const items = pyIterItems(v);
  if (items === null) raise('notIterable', { type: pyTypeName(v) });
  const nums = items.map(asNumber);
  if (nums.some((n) => n === null)) {
    // sorted() of mixed kinds (or of None) raises; of other orderable kinds, the list simply differs.
    const kinds = new Set(items.map((x) => (x.kind === 'bool' || x.kind === 'float' ? 'int' : x.kind)));
    if (items.length > 1 && (kinds.size > 1 || kinds.has('none') || kinds.has('dict'))) {
      // Python's sort asks `later < earlier` first.
      raise('notOrderable', { op: '<', left: pyTypeName(items[1]), right: pyTypeName(items[0]) });
    }
    raise('permuteDimsInvalid', { dims: v });
  }
  const sorted = nums.map((n) => (n as { value: number }).value).sort((x, y) => x - y);
  if (sorted.some((d, i) => d !== i + 1)) raise('permuteDimsInvalid', { dims: v });
  return items;
}

const permute: LayerRule = {
  className: 'Permute',
  signature: recordedParams('Permute'),
  construct(a) {
    return permuteDims(a.known('dims'));
  },
  call(a, inputs, _ctx, state) {
    const dims = state as PyValue[];
    const x = singleInput(layerName(a), inputs);
    checkInputSpec(layerName(a), x, { ndim: dims.length + 1 });
    // `compute_output_shape`, inside the call.
    const out = duringCall(() =>
      dims.map((d) => {
        if (d.kind === 'float') raise('tupleIndexNotInteger', { type: 'float' });
        return x[(asNumber(d) as { value: number }).value];
      }),
    );
    return { outputs: [[x[0], ...out]], weights: [] };
  },
};

const repeatVector: LayerRule = {
  className: 'RepeatVector',
  signature: recordedParams('RepeatVector'),
  construct(a) {
    const v = a.known('n');
    if (v.kind !== 'int' || v.numpy) raise('expectedInteger', { name: 'n', value: v });
    if (v.value <= 0) raise('argNotPositive', { name: 'n', value: v });
    return v.value;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    checkInputSpec(layerName(a), x, { ndim: 2 });
    return { outputs: [[x[0], state as number, x[1]]], weights: [] };
  },
};

export const rules: LayerRule[] = [flatten, reshape, permute, repeatVector, ...spatialRules];
