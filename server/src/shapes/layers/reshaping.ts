/**
 * Reshaping layers (`keras/src/layers/reshaping/`): Flatten, Reshape,
 * Permute, RepeatVector here; Cropping, ZeroPadding and UpSampling (1D/2D/3D)
 * in `reshapingSpatial.ts`. None of them has weights.
 */

import { p } from '../args';
import { cannotTell, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import type { LayerRule } from '../rule';
import { dimProduct, formatShape, type Dim } from '../shape';
import { containsUnknown, pyRepr, pyTypeName, tuple, type PyValue } from '../values';
import { asNumber, kerasDataFormat, pyIterItems, pyStr } from './reshapingPy';
import { spatialRules } from './reshapingSpatial';

const flatten: LayerRule = {
  className: 'Flatten',
  signature: [p('data_format', null)],
  construct(a) {
    // Validated, though the flattened size does not depend on it (so a value the source does not tell passes).
    if (a.get('data_format').kind !== 'unknown') kerasDataFormat(a);
    return undefined;
  },
  call(_a, inputs) {
    const x = singleInput('Flatten', inputs);
    checkInputSpec('Flatten', x, { minNdim: 1 });
    const rest = x.slice(1);
    // A batch-only input gains a feature axis of 1.
    const flat: Dim = rest.length === 0 ? 1 : dimProduct(rest);
    return { outputs: [[x[0], flat]], weights: [] };
  },
};

/** Reshape's target: each item an int (`-1` = inferred) or null where it is not an int (Keras makes it None). */
interface ReshapeTarget {
  dims: Array<number | null>;
  repr: string;
}

/** `tuple(target_shape)` then `validate_reshape_shape`. */
function reshapeTarget(v: PyValue): ReshapeTarget {
  const items = pyIterItems(v);
  if (items === null) raise(`'${pyTypeName(v)}' object is not iterable`, 'TypeError');
  if (containsUnknown(tuple(items))) cannotTell('Reshape: `target_shape` is not known statically');
  const repr = pyRepr(tuple(items));
  const dims = items.map((x) => (x.kind === 'int' || x.kind === 'bool' ? (asNumber(x)?.value ?? null) : null));
  if (dims.some((d) => d !== null && d < -1)) {
    raise(
      `Each dimension in \`target_shape\` must be a non-negative integer, or \`-1\` for a single unknown dimension. Received: target_shape=${repr}.`,
    );
  }
  if (dims.filter((d) => d === -1).length > 1) {
    raise(`There must be at most one unknown dimension (-1) in \`target_shape\`. Received: target_shape=${repr}.`);
  }
  return { dims, repr };
}

/** `operation_utils.compute_reshape_output_shape` on the non-batch axes. */
function reshapeOutput(input: Dim[], t: ReshapeTarget): Dim[] {
  // A None anywhere: the -1 cannot be inferred and stays None; nothing is checked.
  if (input.includes(null) || t.dims.includes(null)) return t.dims.map((d) => (d === -1 ? null : d));
  const dims = t.dims as number[];
  // A '?' input axis: Keras would check sizes we cannot; the inferred axis is unknown too.
  if (input.includes('?')) return dims.map((d) => (d === -1 ? '?' : d));
  const size = (input as number[]).reduce((s, d) => s * d, 1);
  const inRepr = formatShape(input);
  const known = dims.filter((d) => d !== -1).reduce((s, d) => s * d, 1);
  if (!dims.includes(-1)) {
    if (size !== known)
      raise(`The total size of the tensor must be unchanged. Received: input_shape=${inRepr}, target_shape=${t.repr}`);
    return dims;
  }
  if (known === 0 || size % known !== 0) {
    raise(
      'The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified ' +
        `dimensions in target_shape. Received: input_shape=${inRepr}, target_shape=${t.repr}`,
    );
  }
  return dims.map((d) => (d === -1 ? size / known : d));
}

const reshape: LayerRule = {
  className: 'Reshape',
  signature: [p('target_shape')],
  construct(a) {
    return reshapeTarget(a.known('target_shape'));
  },
  call(_a, inputs, _ctx, state) {
    const x = singleInput('Reshape', inputs);
    return { outputs: [[x[0], ...reshapeOutput(x.slice(1), state as ReshapeTarget)]], weights: [] };
  },
};

/** Permute's `dims` must sort to 1..n (Python compares 2.0 == 2, so floats pass here and fail at call). */
function permuteDims(v: PyValue): PyValue[] {
  const items = pyIterItems(v);
  if (items === null) raise(`'${pyTypeName(v)}' object is not iterable`, 'TypeError');
  const bad = `Invalid permutation argument \`dims\` for Permute Layer. The set of indices in \`dims\` must be consecutive and start from 1. Received dims=${pyStr(v)}`;
  const nums = items.map(asNumber);
  if (nums.some((n) => n === null)) {
    // sorted() of mixed kinds (or of None) raises; of other orderable kinds, the list simply differs.
    const kinds = new Set(items.map((x) => (x.kind === 'bool' || x.kind === 'float' ? 'int' : x.kind)));
    if (items.length > 1 && (kinds.size > 1 || kinds.has('none') || kinds.has('dict'))) {
      // Python's sort asks `later < earlier` first.
      raise(
        `'<' not supported between instances of '${pyTypeName(items[1])}' and '${pyTypeName(items[0])}'`,
        'TypeError',
      );
    }
    raise(bad);
  }
  const sorted = nums.map((n) => (n as { value: number }).value).sort((x, y) => x - y);
  if (sorted.some((d, i) => d !== i + 1)) raise(bad);
  return items;
}

const permute: LayerRule = {
  className: 'Permute',
  signature: [p('dims')],
  construct(a) {
    return permuteDims(a.known('dims'));
  },
  call(_a, inputs, _ctx, state) {
    const dims = state as PyValue[];
    const x = singleInput('Permute', inputs);
    checkInputSpec('Permute', x, { ndim: dims.length + 1 });
    const out = dims.map((d) => {
      if (d.kind === 'float') raise('tuple indices must be integers or slices, not float', 'TypeError');
      return x[(asNumber(d) as { value: number }).value];
    });
    return { outputs: [[x[0], ...out]], weights: [] };
  },
};

const repeatVector: LayerRule = {
  className: 'RepeatVector',
  signature: [p('n')],
  construct(a) {
    const v = a.known('n');
    if (v.kind !== 'int') raise(`Expected an integer value for \`n\`, got <class '${pyTypeName(v)}'>.`, 'TypeError');
    if (v.value <= 0) raise(`Argument \`n\` should be a positive integer. Received: n=${v.value}`);
    return v.value;
  },
  call(_a, inputs, _ctx, state) {
    const x = singleInput('RepeatVector', inputs);
    checkInputSpec('RepeatVector', x, { ndim: 2 });
    return { outputs: [[x[0], state as number, x[1]]], weights: [] };
  },
};

export const rules: LayerRule[] = [flatten, reshape, permute, repeatVector, ...spatialRules];
