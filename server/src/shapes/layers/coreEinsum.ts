/**
 * EinsumDense (`keras/src/layers/core/einsum_dense.py`) and the equation
 * analysis it shares with MultiHeadAttention and GroupQueryAttention, whose
 * projections are EinsumDense sublayers.
 *
 * The analysis follows `_analyze_einsum_string` step by step, quirks
 * included: the output shape is the user's partial shape with the batch
 * dimension put in front (its `None`s stay `None` even where the input knows
 * the size), left-elided dimensions are inserted in reverse order, and an
 * input of the wrong rank fails with Python's IndexError.
 */

import { sequenceItems, type Args } from '../args';
import { cannotTell, raise } from '../errors';
import { singleInput } from '../inputSpec';
import type { Dim, Shape } from '../shape';
import type { LayerRule, Weight } from '../rule';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import { pyQualifiedTypeName, pyTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import { makeWeight, pyIndex, sizeDim } from './corePy';
import { einsumKernel } from './coreQuantized';
import { quantizationOf, type Quantization } from '../dtypePolicy';

export interface EinsumPlan {
  kernel: Shape;
  bias: Shape | null;
  /** `compute_output_shape`: the full output shape. */
  output: Shape;
}

const FORMS: Array<[RegExp, boolean]> = [
  [/^([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)/, false],
  [/^0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)/, true],
  [/^([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0/, false],
];

/** `_analyze_einsum_string`: kernel, bias and output shapes for one input shape. */
export function analyzeEinsum(
  equation: string,
  biasAxes: string | null,
  input: Shape,
  partialOutput: Dim[],
): EinsumPlan {
  // Python's re.match anchors at the start only: trailing text is ignored.
  const replaced = equation.replace(/\.\.\./g, '0');
  for (const [re, leftElided] of FORMS) {
    const m = re.exec(replaced);
    if (m) return analyzeSplit(m[1], m[2], m[3], biasAxes, input, partialOutput, leftElided);
  }
  raise('einsumEquationInvalid', { equation });
}

function analyzeSplit(
  inSpec: string,
  wSpec: string,
  outSpec: string,
  biasAxes: string | null,
  input: Shape,
  partial: Dim[],
  leftElided: boolean,
): EinsumPlan {
  const elided = input.length - inSpec.length;
  const output = fullOutputShape(input, partial, elided, leftElided);
  const inMap = new Map<string, number>();
  const outMap = new Map<string, number>();
  [...inSpec].forEach((c, i) => inMap.set(c, leftElided ? i + elided - input.length : i));
  [...outSpec].forEach((c, i) => outMap.set(c, leftElided ? i + elided : i));
  checkSharedDims(inSpec, inMap, outMap, input, output);
  for (const c of outSpec) {
    if (!inSpec.includes(c) && !wSpec.includes(c)) {
      raise('einsumOutputDimUnmatched', { dim: c, outputSpec: outSpec, inputSpec: inSpec });
    }
  }
  const kernel = [...wSpec].map((c): Dim => {
    if (outMap.has(c)) return pyIndex(output, outMap.get(c)!, 'list');
    if (inMap.has(c)) return pyIndex(input, inMap.get(c)!, 'tuple');
    raise('einsumWeightDimUnmatched', { dim: c, inputSpec: inSpec, outputSpec: outSpec });
  });
  const bias =
    biasAxes === null ? null : biasShape(biasAxes, outSpec, output, leftElided ? elided : 0, leftElided ? 0 : elided);
  return { kernel, bias, output };
}

/** The user's partial output shape with the batch dimension and the elided dimensions added. */
function fullOutputShape(input: Shape, partial: Dim[], elided: number, leftElided: boolean): Dim[] {
  const output = [pyIndex(input, 0, 'tuple'), ...partial];
  if (elided > 0 && leftElided) {
    // Keras inserts each one at position 1, so they end up reversed.
    for (let i = 1; i < elided; i++) output.splice(1, 0, input[i]);
  } else if (elided > 0) {
    for (let i = input.length - elided; i < input.length; i++) output.push(input[i]);
  }
  return output;
}

function checkSharedDims(
  inSpec: string,
  inMap: Map<string, number>,
  outMap: Map<string, number>,
  input: Shape,
  output: Dim[],
): void {
  for (const c of inSpec) {
    const inDim = pyIndex(input, inMap.get(c)!, 'tuple');
    if (!outMap.has(c)) continue;
    const outDim = pyIndex(output, outMap.get(c)!, 'list');
    if (outDim !== null && outDim !== '?' && inDim !== '?' && outDim !== inDim) {
      raise('einsumSharedDimMismatch', { dim: c, input: inDim, output: outDim });
    }
  }
}

function biasShape(biasAxes: string, outSpec: string, output: Dim[], leftOffset: number, trailingOnes: number): Shape {
  const sizes = new Map<string, Dim>();
  [...outSpec].forEach((c, i) => sizes.set(c, pyIndex(output, i + leftOffset, 'list')));
  for (const c of biasAxes) {
    if (!outSpec.includes(c)) raise('einsumBiasDimUnmatched', { dim: c, outputSpec: outSpec });
  }
  if (biasAxes.length === 0) raise('minOfEmpty', {});
  const first = Math.min(...[...biasAxes].map((c) => outSpec.indexOf(c)));
  const shape: Dim[] = [...outSpec.slice(first)].map((c) => (biasAxes.includes(c) ? sizes.get(c)! : 1));
  for (let i = 0; i < trailingOnes; i++) shape.push(1);
  return shape;
}

/**
 * The kernel (and bias) variables of an EinsumDense of `equation` built on
 * `input` under the dtype policy `quant`, with `add_weight`'s checks.
 */
export function einsumWeights(
  path: string,
  plan: EinsumPlan,
  quant: Quantization | null = null,
  equation = '',
): Weight[] {
  const weights = einsumKernel(path, quant, equation, plan.kernel).weights;
  if (plan.bias !== null) weights.push(makeWeight(`${path}/bias`, plan.bias));
  return weights;
}

/**
 * `enable_lora`: the kernel freezes and two trainable factors of its
 * logical shape `k` are added (an int4 kernel is packed; LoRA uses the
 * unpacked shape).
 */
export function loraWeights(path: string, kernel: Weight, k: Shape, rank: Dim): Weight[] {
  kernel.trainable = false;
  return [
    makeWeight(`${path}/lora_kernel_a`, [...k.slice(0, -1), rank]),
    makeWeight(`${path}/lora_kernel_b`, [rank, k[k.length - 1]]),
  ];
}

/** `output_shape` as EinsumDense stores it: an int becomes a 1-tuple; anything else must be iterable. */
function partialOutputShape(v: PyValue): Dim[] {
  if (v.kind === 'unknown') cannotTell('EinsumDense: `output_shape` is not known statically');
  if ((v.kind === 'int' && !v.numpy) || v.kind === 'bool') return [Number(v.value)];
  const items = sequenceItems(v);
  if (items === null) {
    // A string or dict iterates in Python; an opaque object may too.
    if (v.kind === 'str' || v.kind === 'dict' || v.kind === 'object' || v.kind === 'layer')
      cannotTell('EinsumDense: unusual `output_shape`');
    raise('notIterable', { type: pyQualifiedTypeName(v) });
  }
  return items.map((x): Dim => {
    if (x.kind === 'none') return null;
    if (x.kind === 'int') return x.value;
    if (x.kind === 'bool') return Number(x.value);
    if (x.kind === 'unknown') return '?';
    cannotTell('EinsumDense: `output_shape` holds a value that is not an int');
  });
}

/** `bias_axes`: None, or a string (a list of one-letter strings iterates the same way). */
function biasAxesOf(v: PyValue): string | null {
  if (v.kind === 'none') return null;
  if (v.kind === 'str') return v.value;
  const items = sequenceItems(v);
  if (items && items.every((x) => x.kind === 'str' && x.value.length === 1)) {
    return items.map((x) => (x.kind === 'str' ? x.value : '')).join('');
  }
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') raise('notIterable', { type: pyTypeName(v) });
  cannotTell('EinsumDense: `bias_axes` is not known statically');
}

function equationOf(a: Args): string {
  const v = a.known('equation');
  if (v.kind !== 'str') raise('notAString', { value: v });
  return v.value;
}

const einsumDense: LayerRule = {
  className: 'EinsumDense',
  signature: recordedParams('EinsumDense'),
  construct(a) {
    return partialOutputShape(a.known('output_shape'));
  },
  call(a, inputs, _ctx, state) {
    const name = layerName(a);
    const x = singleInput(name, inputs);
    const plan = analyzeEinsum(equationOf(a), biasAxesOf(a.known('bias_axes')), x, state as Dim[]);
    const built = einsumKernel(name, quantizationOf(a), equationOf(a), plan.kernel);
    const weights = [...built.weights];
    if (plan.bias !== null) weights.push(makeWeight(`${name}/bias`, plan.bias));
    if (a.bool('lora_rank')) {
      if (a.bool('kernel_constraint')) raise('loraWithConstraint', { what: 'kernel', argument: 'kernel_constraint' });
      const rank = sizeDim(a.get('lora_rank'), (r) => shapeTuple([...plan.kernel.slice(0, -1), r]));
      weights.push(...loraWeights(name, built.kernel, plan.kernel, rank));
    }
    return { outputs: [plan.output], weights };
  },
};

export const einsumRules: LayerRule[] = [einsumDense];
