/**
 * Shape rules of `keras.ops` products, transforms and nn/math helpers
 * (einsum, tensordot, dot, fft, top_k, segment_sum, one_hot, ...), each
 * following its Keras 3 op class's `compute_output_spec` (keras/src/ops/
 * numpy.py, math.py, nn.py, linalg.py, image.py).
 */

import { broadcastShapes, canonicalizeAxis } from '../../shapes/arith';
import { cannotTell, raise } from '../../shapes/errors';
import { type Dim, dimProduct, type Shape } from '../../shapes/shape';
import { asItems } from '../values';
import { OpArgs, reduceDims, shapeOfValue, type MultiOut, type OpRule } from './args';

/**
 * Keras's `Einsum.compute_output_spec`: each operand's dims are placed on the
 * output spec (letters it lacks become 1, `...` takes the unnamed dims), and
 * the results are broadcast together.
 */
function einsumShape(a: OpArgs): Shape {
  const subscripts = a.str(0, 'subscripts').replace(/\s/g, '');
  const operands = a.args.slice(1).map((v) => shapeOfValue(v) ?? cannotTell('operand'));
  const [lhs, outSpec, extra] = subscripts.split('->');
  if (extra !== undefined) return cannotTell('several ->');
  const specs = lhs.split(',');
  if (specs.length !== operands.length) return cannotTell('operand count');
  const target = outSpec ?? `...${keptLetters(lhs).join('')}`;
  const shapes = operands.map((x, k) => placeOnTarget(specs[k], x, target));
  return shapes.reduce((acc, s) => broadcastShapes(acc, s));
}

/** Letters that appear exactly once in the inputs, sorted (the implicit output). */
function keptLetters(lhs: string): string[] {
  const counts = new Map<string, number>();
  for (const c of lhs) if (/[a-zA-Z]/.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n === 1)
    .map(([c]) => c)
    .sort();
}

function placeOnTarget(spec: string, x: Shape, target: string): Shape {
  const [pre, post] = spec.split('...');
  const named = new Map<string, Dim>();
  let wildcard: Shape = [];
  if (post === undefined) {
    if (pre.length !== x.length) return cannotTell('einsum rank');
    [...pre].forEach((c, i) => named.set(c, x[i]));
  } else {
    if (pre.length + post.length > x.length) return cannotTell('einsum rank');
    [...pre].forEach((c, i) => named.set(c, x[i]));
    [...post].forEach((c, i) => named.set(c, x[x.length - post.length + i]));
    wildcard = x.slice(pre.length, x.length - post.length);
  }
  const out: Shape = [];
  for (let i = 0; i < target.length; i++) {
    if (target.startsWith('...', i)) {
      if (post !== undefined) out.push(...wildcard);
      i += 2;
    } else if (/[a-zA-Z]/.test(target[i])) out.push(named.has(target[i]) ? named.get(target[i])! : 1);
  }
  return out;
}

function tensordotShape(a: OpArgs): Shape {
  const x1 = a.shape(0, 'x1');
  const x2 = a.shape(1, 'x2');
  const axes = a.get(2, 'axes') ?? { kind: 'int', value: 2 };
  if (axes.kind === 'int') {
    const n = axes.value;
    return n <= 0 ? [...x1, ...x2] : [...x1.slice(0, Math.max(0, x1.length - n)), ...x2.slice(n)];
  }
  const [ax1, ax2] = (asItems(axes) ?? cannotTell('axes')).map((v) =>
    v.kind === 'int'
      ? [v.value]
      : (asItems(v) ?? cannotTell('axes')).map((w) => (w.kind === 'int' ? w.value : cannotTell('axes'))),
  );
  if (!ax1 || !ax2) return cannotTell('axes');
  const drop1 = new Set(ax1.map((i) => canonicalizeAxis(i, x1.length)));
  const drop2 = new Set(ax2.map((i) => canonicalizeAxis(i, x2.length)));
  return [...x1.filter((_, i) => !drop1.has(i)), ...x2.filter((_, i) => !drop2.has(i))];
}

function dotShape(a: OpArgs): Shape {
  const x1 = a.shape(0, 'x1');
  const x2 = a.shape(1, 'x2');
  if (x1.length === 0 || x2.length === 0) return broadcastShapes(x1, x2);
  if (x1.length === 1 && x2.length === 1) return [];
  if (x2.length === 1) return x1.slice(0, -1);
  return [...x1.slice(0, -1), ...x2.slice(0, -2), x2[x2.length - 1]];
}

function innerShape(a: OpArgs): Shape {
  const x1 = a.shape(0, 'x1');
  const x2 = a.shape(1, 'x2');
  if (x1.length === 0) return x2;
  if (x2.length === 0) return x1;
  return [...x1.slice(0, -1), ...x2.slice(0, -1)];
}

function kronShape(a: OpArgs): Shape {
  const x1 = a.shape(0, 'x1');
  const x2 = a.shape(1, 'x2');
  const n = Math.min(x1.length, x2.length);
  return x1.slice(0, n).map((d, i) => dimMul(d, x2[i]));
}

function dimMul(a: Dim, b: Dim): Dim {
  return a === null || b === null ? null : a === '?' || b === '?' ? '?' : a * b;
}

/** fft/fft2/ifft2 take a (real, imag) pair and return a pair of the same shape. */
function complexPair(minRank: number) {
  return (a: OpArgs): MultiOut => {
    const pair = a.items(0, 'x');
    if (pair.length !== 2) return cannotTell('pair');
    const real = shapeOfValue(pair[0]) ?? cannotTell('real');
    if (real.length < minRank) return cannotTell('rank');
    return { outs: [real, shapeOfValue(pair[1]) ?? real], seq: 'tuple' };
  };
}

function rfftShapes(a: OpArgs): MultiOut {
  const x = a.shape(0, 'x');
  if (x.length < 1) return cannotTell('rank');
  const n = a.optInt(1, 'fft_length', null);
  const last = x[x.length - 1];
  const d: Dim = n !== null ? Math.floor(n / 2) + 1 : typeof last === 'number' ? Math.floor(last / 2) + 1 : last;
  const out = [...x.slice(0, -1), d];
  return { outs: [out, out], seq: 'tuple' };
}

function irfftShape(a: OpArgs): Shape {
  const pair = a.items(0, 'x');
  const real = (pair[0] && shapeOfValue(pair[0])) ?? cannotTell('real');
  if (pair.length !== 2 || real.length < 1) return cannotTell('pair');
  const n = a.optInt(1, 'fft_length', null);
  const last = real[real.length - 1];
  return [...real.slice(0, -1), n !== null ? n : typeof last === 'number' ? 2 * (last - 1) : last];
}

function topKShapes(a: OpArgs): MultiOut {
  const x = a.shape(0, 'x');
  const out = [...x.slice(0, -1), a.int(1, 'k')];
  return { outs: [out, out], seq: 'tuple' };
}

function segmentShape(a: OpArgs): Shape {
  const data = a.shape(0, 'data');
  return [a.optInt(2, 'num_segments', null), ...data.slice(1)];
}

function extractSequencesShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const len = a.int(1, 'sequence_length');
  const stride = a.int(2, 'sequence_stride');
  const last = x[x.length - 1];
  if (x.length < 1) return cannotTell('rank');
  return [...x.slice(0, -1), typeof last === 'number' ? 1 + Math.floor((last - len) / stride) : last, len];
}

/** Reductions `f(x, axis=None, keepdims=False)`. */
function reduceRule(a: OpArgs, axisIndex = 1, keepIndex = 2): Shape {
  const keep = a.get(keepIndex, 'keepdims');
  return reduceDims(
    a.shape(0, 'x'),
    a.axes(axisIndex, 'axis', null),
    keep?.kind === 'bool' ? keep.value : keep === undefined ? false : cannotTell('keepdims'),
  );
}

function quantileShape(a: OpArgs): Shape {
  const keep = a.get(4, 'keepdims');
  const out = reduceDims(
    a.shape(0, 'x'),
    a.axes(2, 'axis', null),
    keep?.kind === 'bool' ? keep.value : keep === undefined ? false : cannotTell('keepdims'),
  );
  const q = a.get(1, 'q') ?? cannotTell('q');
  const qs = q.kind === 'tensor' || q.kind === 'array' ? shapeOfValue(q) : undefined;
  if (qs) return qs.length > 0 ? [qs[0], ...out] : out;
  const items = asItems(q);
  return items && items.length > 1 ? [items.length, ...out] : out;
}

function momentsShapes(a: OpArgs): MultiOut {
  const keep = a.get(2, 'keepdims');
  const out = reduceDims(
    a.shape(0, 'x'),
    a.axes(1, 'axes', null),
    keep?.kind === 'bool' ? keep.value : keep === undefined ? false : cannotTell('keepdims'),
  );
  return { outs: [out, out], seq: 'tuple' };
}

function gluShape(a: OpArgs): Shape {
  const x = [...a.shape(0, 'x')];
  const at = canonicalizeAxis(a.int(1, 'axis', -1), x.length);
  const d = x[at];
  if (typeof d === 'number') {
    if (d % 2 !== 0) raise('gluOddAxis', { shape: x, axis: a.int(1, 'axis', -1) });
    x[at] = d / 2;
  }
  return x;
}

function oneHotShape(a: OpArgs): Shape {
  const x = [...a.shape(0, 'x')];
  const n = a.int(1, 'num_classes');
  const axis = a.int(2, 'axis', -1);
  if (axis === -1) return [...x, n];
  if (axis >= 0 && axis < x.length) return [...x.slice(0, axis), n, ...x.slice(axis)];
  return raise('oneHotAxis', { rank: x.length, axis });
}

/** multi_hot: one_hot's insertion, then the second axis is summed away (the only one for rank-1 ids). */
function multiHotShape(a: OpArgs): Shape {
  const x = [...a.shape(0, 'inputs')];
  const n = a.int(1, 'num_classes');
  const axis = a.int(2, 'axis', -1);
  if (axis === -1) x.push(n);
  else if (axis >= 0 && axis < x.length) x.splice(axis, 0, n);
  else raise('oneHotAxis', { rank: x.length, axis });
  return x.length === 2 ? [x[1]] : [x[0], ...x.slice(2)];
}

/** Images, channels last unless `data_format` says otherwise: the channel axis becomes 1. */
function grayscaleShape(a: OpArgs): Shape {
  const x = [...a.shape(0, 'images')];
  const fmt = a.str(1, 'data_format', 'channels_last');
  if (x.length !== 3 && x.length !== 4) return cannotTell('rank');
  x[fmt === 'channels_first' ? x.length - 3 : x.length - 1] = 1;
  return x;
}

const sameShape =
  (key: string) =>
  (a: OpArgs): Shape =>
    a.shape(0, key);

export const MATH_RULES: Record<string, OpRule> = {
  einsum: { cls: 'Einsum', shape: einsumShape },
  tensordot: { cls: 'Tensordot', shape: tensordotShape },
  dot: { cls: 'Dot', shape: dotShape },
  inner: { cls: 'Inner', shape: innerShape },
  outer: { cls: 'Outer', shape: (a) => [dimProduct(a.shape(0, 'x1')), dimProduct(a.shape(1, 'x2'))] },
  kron: { cls: 'Kron', shape: kronShape },
  vdot: { cls: 'Vdot', shape: () => [] },
  fft: { cls: 'FFT', multi: true, shape: complexPair(1) },
  fft2: { cls: 'FFT2', multi: true, shape: complexPair(2) },
  ifft2: { cls: 'IFFT2', multi: true, shape: complexPair(2) },
  rfft: { cls: 'RFFT', multi: true, shape: rfftShapes },
  irfft: { cls: 'IRFFT', shape: irfftShape },
  top_k: { cls: 'TopK', multi: true, shape: topKShapes },
  in_top_k: { cls: 'InTopK', shape: sameShape('targets') },
  segment_sum: { cls: 'SegmentSum', shape: segmentShape },
  segment_max: { cls: 'SegmentMax', shape: segmentShape },
  extract_sequences: { cls: 'ExtractSequences', shape: extractSequencesShape },
  logsumexp: { cls: 'Logsumexp', shape: (a) => reduceRule(a) },
  norm: { cls: 'Norm', shape: (a) => reduceRule(a, 2, 3) },
  average: { cls: 'Average', shape: (a) => reduceDims(a.shape(0, 'x'), a.axes(1, 'axis', null), false) },
  count_nonzero: { cls: 'CountNonzero', shape: (a) => reduceDims(a.shape(0, 'x'), a.axes(1, 'axis', null), false) },
  quantile: { cls: 'Quantile', shape: quantileShape },
  percentile: { cls: 'Percentile', shape: quantileShape },
  moments: { cls: 'Moments', multi: true, shape: momentsShapes },
  glu: { cls: 'Glu', shape: gluShape },
  one_hot: { cls: 'OneHot', shape: oneHotShape },
  multi_hot: { cls: 'MultiHot', shape: multiHotShape },
  rgb_to_grayscale: { cls: 'RGBToGrayscale', shape: grayscaleShape },
};
