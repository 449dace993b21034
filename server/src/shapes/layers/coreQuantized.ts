/**
 * Dtype policies that quantize (`dtype="int8_from_float32"`,
 * `"int4/128_from_mixed_bfloat16"`, `"float8_from_float32"`): Dense,
 * EinsumDense, Embedding and ReversibleEmbedding (and the EinsumDense
 * projections of the attention layers, which inherit the policy) then build
 * quantized variables in place of, or beside, the float kernel, as their
 * `quantized_build` does (`keras/src/layers/core/*.py`).
 *
 * - int8: an int8 kernel of the same shape and a per-output scale, both
 *   non-trainable.
 * - int4: the kernel packed two values to a byte along its last axis
 *   (`ceil(n / 2)`), a per-output scale; with a block size (`int4/<n>`) a
 *   scale and a zero point per block and output, and the group index.
 * - float8: the float kernel stays; six trainable scale and amax-history
 *   variables are added. The embeddings do not take float8.
 *
 * GPTQ and AWQ policies (`gptq/4/128_from_float32`) are not modelled: their
 * counts are unknown.
 */

import { raise } from '../errors';
import type { Dim, Shape } from '../shape';
import type { Weight } from '../rule';
import type { Quantization } from '../dtypePolicy';
import { makeWeight } from './corePy';

function half(d: Dim): Dim {
  return typeof d === 'number' ? Math.ceil(d / 2) : d;
}

function groups(d: Dim, block: number): Dim {
  return typeof d === 'number' ? Math.ceil(d / block) : d;
}

function product(dims: Dim[]): Dim {
  let n: Dim = 1;
  for (const d of dims) n = typeof d === 'number' && typeof n === 'number' ? n * d : d === null ? null : '?';
  return n;
}

/** `QuantizedFloat8DTypePolicy.default_amax_history_length`. */
const AMAX_HISTORY = 1024;

function float8Weights(path: string): Weight[] {
  const out: Weight[] = [];
  for (const v of ['inputs', 'kernel', 'outputs_grad']) {
    out.push(makeWeight(`${path}/${v}_scale`, []), makeWeight(`${path}/${v}_amax_history`, [AMAX_HISTORY]));
  }
  return out;
}

/** Weights whose sizes are not known, so that the layer's counts (both trainable and not) are unknown rather than wrong. */
function unknownWeights(path: string): Weight[] {
  return [makeWeight(`${path}/quantized`, ['?'], true), makeWeight(`${path}/quantized`, ['?'], false)];
}

/** A layer's weights once built: `kernel` is the one LoRA freezes and factors (the float one, or the quantized one in its place). */
export interface BuiltKernel {
  kernel: Weight;
  /** Every variable of the kernel's build, the kernel included, in creation order. */
  weights: Weight[];
}

/**
 * The kernel of a 2-D matmul layer (Dense, and EinsumDense after flattening
 * for int4): `rows` the reduced (input) axis, `columns` the outputs.
 * `float` is the float kernel's shape, built when the mode keeps it.
 */
function matmulKernel(path: string, q: Quantization | null, float: Shape, rows: Dim, columns: Dim): BuiltKernel {
  const kernel = (shape: Shape, trainable: boolean): Weight => makeWeight(`${path}/kernel`, shape, trainable);
  if (q === null) {
    const k = kernel(float, true);
    return { kernel: k, weights: [k] };
  }
  switch (q.mode) {
    case 'float8': {
      const k = kernel(float, true);
      return { kernel: k, weights: [...float8Weights(path), k] };
    }
    case 'int4': {
      const k = kernel([rows, half(columns)], false);
      if (q.blockSize === null)
        return { kernel: k, weights: [k, makeWeight(`${path}/kernel_scale`, [columns], false)] };
      const perBlock: Shape = [groups(rows, q.blockSize), columns];
      return {
        kernel: k,
        weights: [
          k,
          makeWeight(`${path}/kernel_scale`, perBlock, false),
          makeWeight(`${path}/kernel_zero`, perBlock, false),
          makeWeight(`${path}/g_idx`, [rows], false),
        ],
      };
    }
    case 'int8': {
      // Only reached for Dense: EinsumDense's int8 scale keeps the equation's axes (`einsumKernel`).
      const k = kernel(float, false);
      return { kernel: k, weights: [k, makeWeight(`${path}/kernel_scale`, [columns], false)] };
    }
    default: {
      const k = kernel(float, false);
      return { kernel: k, weights: [k, ...unknownWeights(path)] };
    }
  }
}

/** `Dense.build`'s kernel under the layer's policy. */
export function denseKernel(path: string, q: Quantization | null, inputDim: Dim, units: Dim): BuiltKernel {
  return matmulKernel(path, q, [inputDim, units], inputDim, units);
}

/**
 * `EinsumDense.build`'s kernel under the layer's policy. int8 and int4 first
 * analyse the equation for quantization (`_analyze_quantization_info`),
 * which for an equation with `...` is handed the input's rank instead of its
 * shape: Python's TypeError.
 */
export function einsumKernel(path: string, q: Quantization | null, equation: string, kernel: Shape): BuiltKernel {
  if (q === null || q.mode === 'float8' || q.mode === 'unknown') return matmulKernel(path, q, kernel, null, null);
  if (equation.includes('...')) raise('noLen', { type: 'int' });
  const info = quantizationAxes(equation);
  const reduced = new Set(info.weightReduced);
  if (q.mode === 'int4') {
    const rows = product(kernel.filter((_, i) => reduced.has(i)));
    const columns = product(kernel.filter((_, i) => !reduced.has(i)));
    return matmulKernel(path, q, kernel, rows, columns);
  }
  const k = makeWeight(`${path}/kernel`, kernel, false);
  return { kernel: k, weights: [k, makeWeight(`${path}/kernel_scale`, int8ScaleShape(kernel, info), false)] };
}

interface QuantizationAxes {
  weightReduced: number[];
  weightTranspose: number[];
  weightExpand: number[];
  weightSqueeze: number[];
}

/**
 * `_analyze_quantization_info` for an equation without `...`, the weight
 * side, step by step: its Python reuses one `index` variable across loops,
 * so a reduced axis with no expanded axis left to pair with is inserted at
 * the position the previous loop left behind.
 */
function quantizationAxes(equation: string): QuantizationAxes {
  const m = /^([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)/.exec(equation);
  if (!m) raise('einsumEquationInvalid', { equation });
  const [, inSpec, wSpec, outSpec] = m;
  let index = 0;
  const inputReduced: number[] = [];
  const weightReduced: number[] = [];
  [...inSpec].forEach((label, i) => {
    index = outSpec.indexOf(label);
    if (index === -1) inputReduced.push(i);
  });
  [...wSpec].forEach((label, i) => {
    index = outSpec.indexOf(label);
    if (index === -1) weightReduced.push(i);
  });
  const inputExpand: number[] = [];
  const weightExpand: number[] = [];
  const inputTranspose: number[] = [];
  const weightTranspose: number[] = [];
  [...outSpec].forEach((label, i) => {
    if (!inSpec.includes(label)) inputExpand.push(i);
    if (!wSpec.includes(label)) weightExpand.push(i);
  });
  for (const label of outSpec) {
    if (inSpec.includes(label)) inputTranspose.push(inSpec.indexOf(label));
    if (wSpec.includes(label)) weightTranspose.push(wSpec.indexOf(label));
  }
  const weightSqueeze: number[] = [];
  for (const ori of inputReduced) {
    if (inputExpand.length > 0) index = inputExpand.shift()!;
    pyInsert(inputTranspose, index, ori);
  }
  for (const ori of weightReduced) {
    if (weightExpand.length > 0) index = weightExpand.shift()!;
    else weightSqueeze.push(ori);
    pyInsert(weightTranspose, index, ori);
  }
  return { weightReduced, weightTranspose, weightExpand, weightSqueeze };
}

/** Python's `list.insert(i, x)`: a negative index counts from the end, and any index is clamped. */
function pyInsert<T>(list: T[], i: number, x: T): void {
  const j = i < 0 ? Math.max(0, list.length + i) : Math.min(i, list.length);
  list.splice(j, 0, x);
}

/** `_get_kernel_scale_shape` per channel: reduced axes become 1, then transposed, expanded and squeezed. */
function int8ScaleShape(kernel: Shape, info: QuantizationAxes): Shape {
  const ones = kernel.map((d, i): Dim => (info.weightReduced.includes(i) ? 1 : d));
  // NumPy fancy indexing: negative indices count from the end, others must be in range.
  const shape = info.weightTranspose.map((i): Dim => {
    const j = i < 0 ? ones.length + i : i;
    if (j < 0 || j >= ones.length) raise('numpyIndexOutOfBounds', { index: i, axis: 0, size: ones.length });
    return ones[j];
  });
  for (const a of [...info.weightExpand].sort((x, y) => x - y)) pyInsert(shape, a, 1);
  for (const a of [...info.weightSqueeze].sort((x, y) => y - x)) {
    const j = a < 0 ? shape.length + a : a;
    if (j < 0 || j >= shape.length) raise('popIndexOutOfRange', {});
    shape.splice(j, 1);
  }
  return shape;
}

/** The error `quantized_build` of the embedding layers raises for a mode they do not take. */
function embeddingModeError(mode: string): never {
  raise('quantizationModeInvalid', { modes: ['int8', 'int4'], mode });
}

/**
 * `Embedding.build`'s table under the layer's policy: `(input_dim,
 * output_dim)`, quantized per row (one scale per token; int4 packs along the
 * output axis and, with a block size, keeps a scale and zero point per block).
 */
export function embeddingTable(path: string, q: Quantization | null, inputDim: Dim, outputDim: Dim): BuiltKernel {
  const table = (shape: Shape, trainable: boolean): Weight => makeWeight(`${path}/embeddings`, shape, trainable);
  if (q === null) {
    const t = table([inputDim, outputDim], true);
    return { kernel: t, weights: [t] };
  }
  if (q.mode === 'float8') embeddingModeError('float8');
  if (q.mode === 'unknown') {
    const t = table([inputDim, outputDim], false);
    return { kernel: t, weights: [t, ...unknownWeights(path)] };
  }
  if (q.mode === 'int8') {
    const t = table([inputDim, outputDim], false);
    return { kernel: t, weights: [t, makeWeight(`${path}/embeddings_scale`, [inputDim], false)] };
  }
  const t = table([inputDim, half(outputDim)], false);
  if (q.blockSize === null)
    return { kernel: t, weights: [t, makeWeight(`${path}/embeddings_scale`, [inputDim], false)] };
  const perBlock: Shape = [inputDim, groups(outputDim, q.blockSize)];
  return {
    kernel: t,
    weights: [
      t,
      makeWeight(`${path}/embeddings_scale`, perBlock, false),
      makeWeight(`${path}/embeddings_zero`, perBlock, false),
      makeWeight(`${path}/g_idx`, [outputDim], false),
    ],
  };
}

/**
 * ReversibleEmbedding's untied reverse table `(output_dim, input_dim)` as its
 * `quantized_build` makes it: int8 keeps the shape with a scale per token;
 * int4 packs along the output axis, with a scale (and zero point) per block
 * of the output axis when a block size is given.
 */
export function reverseTable(path: string, q: Quantization, inputDim: Dim, outputDim: Dim): Weight[] {
  const name = `${path}/reverse_embeddings`;
  if (q.mode === 'unknown') return [makeWeight(name, [outputDim, inputDim], false), ...unknownWeights(path)];
  if (q.mode === 'int8')
    return [makeWeight(name, [outputDim, inputDim], false), makeWeight(`${name}_scale`, [inputDim], false)];
  if (q.mode !== 'int4') embeddingModeError(q.mode);
  const packed = makeWeight(name, [half(outputDim), inputDim], false);
  if (q.blockSize === null) return [packed, makeWeight(`${name}_scale`, [inputDim], false)];
  const perBlock: Shape = [groups(outputDim, q.blockSize), inputDim];
  return [packed, makeWeight(`${name}_scale`, perBlock, false), makeWeight(`${name}_zero`, perBlock, false)];
}
