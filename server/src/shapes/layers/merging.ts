/**
 * Merging layers (`keras/src/layers/merging/`): Add, Subtract, Multiply,
 * Average, Maximum, Minimum (the `Merge` base's broadcasting), Concatenate
 * and Dot. All are called with one list argument, `layer([a, b, ...])`.
 *
 * Keras computes their output with `compute_output_shape` after `build`, so
 * both are mirrored here, with their quirks: `Merge` broadcasts the non-batch
 * dimensions right-aligned but makes any pair involving `None` into `None`,
 * Concatenate compares the shapes with the axis removed ignoring `None`s, and
 * Dot compares the two contracted sizes strictly (`None != 5` raises).
 */

import { cannotTell, raise } from '../errors';
import type { Dim, Shape } from '../shape';
import { flattenTensors, type CallInputs } from '../tensors';
import type { LayerRule } from '../rule';
import { pyTypeName, type PyValue } from '../values';
import { pyMod } from '../python/numbers';
import { pyDelete, pyIndex } from './corePy';
import { recordedParams } from '../signatures';

/** The shapes in the list a merge layer is called with, or the lone tensor's shape when it is not a list. */
function mergeInputs(inputs: CallInputs): { list: Shape[] | null; lone: Shape | null } {
  const first = inputs.args[0] ?? inputs.kwargs['inputs'];
  if (first === undefined) raise('missingArgumentBind', { name: 'inputs' });
  if (first.kind === 'tensor') return { list: null, lone: first.shape };
  if (first.kind !== 'list') cannotTell('merge layer called on a value that is not a tensor');
  if (first.items.some((x) => x.kind !== 'tensor')) cannotTell('merge layer called on a nested list');
  return { list: flattenTensors(first), lone: null };
}

// ---- Merge base: Add, Subtract, Multiply, Average, Maximum, Minimum ----

/** `Merge._compute_elemwise_op_output_shape` on two shapes without their batch axis. */
function elemwiseShape(a: Shape, b: Shape): Shape {
  if (a.length < b.length) return elemwiseShape(b, a);
  if (b.length === 0) return a;
  const head = a.slice(0, a.length - b.length);
  const tail = a.slice(a.length - b.length).map((i, k): Dim => {
    const j = b[k];
    if (i === null || j === null) return null;
    if (i === 1) return j;
    if (j === 1) return i;
    if (i === '?' || j === '?') return i === '?' ? j : i;
    if (i !== j) raise('mergeIncompatibleShapes', { shape1: a, shape2: b });
    return i;
  });
  return [...head, ...tail];
}

/** The batch dimension Keras gives the output: the one known batch size, else None. */
function mergedBatch(shapes: Shape[], raiseOnConflict: boolean): Dim {
  const known = new Set<number>();
  let unknown = false;
  for (const s of shapes) {
    const d = s[0];
    if (typeof d === 'number') known.add(d);
    else if (d === '?') unknown = true;
  }
  if (known.size > 1 && raiseOnConflict) {
    raise('mergeBatchSizesDiffer', { shapes });
  }
  if (known.size === 1) return [...known][0];
  return unknown ? '?' : null;
}

/** `Merge.build` then `Merge.compute_output_shape`. */
function mergeCall(className: string, inputs: CallInputs) {
  const { list, lone } = mergeInputs(inputs);
  if (list === null) raise('mergeNotAList', { shape: lone! });
  if (list.length === 0) raise('noneNotSubscriptable', {});
  // build skips empty shapes when collecting batch sizes; compute_output_shape then indexes them.
  mergedBatch(
    list.filter((s) => s.length > 0),
    true,
  );
  let out = list[0].slice(1);
  for (const s of list.slice(1)) out = elemwiseShape(out, s.slice(1));
  if (className === 'Subtract' && list.length !== 2) {
    raise('subtractNeedsTwo', { shapes: list });
  }
  for (const s of list) pyIndex(s, 0, 'tuple');
  return { outputs: [[mergedBatch(list, false), ...out]], weights: [] };
}

function mergeRule(className: string): LayerRule {
  return { className, signature: recordedParams(className), call: (_a, inputs) => mergeCall(className, inputs) };
}

// ---- Concatenate ----

/** An int argument Keras uses as an index (`axis`, Dot's `axes` items); a bool is an int. */
function intValue(v: PyValue, what: string): number {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  if (v.kind === 'unknown') cannotTell(`\`${what}\` is not known statically`);
  raise('listIndexNotInteger', { type: pyTypeName(v) });
}

/** `Concatenate.build`: all shapes must agree once the axis is removed (None matches anything). */
function concatBuild(shapes: Shape[], axis: number): void {
  const reduced = shapes.map((s) => {
    pyMod(axis, s.length);
    return s.length > axis ? pyDelete(s, axis, 'del') : s;
  });
  const ranks = new Set(reduced.map((s) => s.length));
  const bad = () => raise('concatenateShapesMismatch', { shapes });
  if (ranks.size !== 1) bad();
  for (let i = 0; i < reduced[0].length; i++) {
    const sizes = new Set(reduced.map((s) => s[i]).filter((d) => typeof d === 'number'));
    if (sizes.size > 1) bad();
  }
}

/** `Concatenate.compute_output_shape`: the sizes on the axis add up; one None makes it None. */
function concatShape(shapes: Shape[], axis: number): Shape {
  const out = [...shapes[0]];
  for (const s of shapes.slice(1)) {
    const o = pyIndex(out, axis, 'list');
    const d = pyIndex(s, axis, 'tuple');
    const at = axis < 0 ? out.length + axis : axis;
    if (o === null || d === null) {
      out[at] = null;
      break;
    }
    out[at] = o === '?' || d === '?' ? '?' : o + d;
  }
  return out;
}

const concatenate: LayerRule = {
  className: 'Concatenate',
  signature: recordedParams('Concatenate'),
  call(a, inputs) {
    const { list, lone } = mergeInputs(inputs);
    if (list === null || list.length === 0) raise('concatenateNeedsInputs', { shape: lone });
    const axisValue = a.get('axis');
    if (axisValue.kind === 'none') raise('unsupportedOperand', { op: '%', left: 'NoneType', right: 'int' });
    const axis = intValue(axisValue, 'axis');
    concatBuild(list, axis);
    return { outputs: [concatShape(list, axis)], weights: [] };
  },
};

// ---- Dot ----

/** `Dot.__init__`'s check of `axes`: an int, or a list/tuple of two ints. */
function dotAxes(v: PyValue): number | [number, number] {
  if (v.kind === 'unknown') cannotTell('Dot: `axes` is not known statically');
  if ((v.kind === 'int' && !v.numpy) || v.kind === 'bool') return Number(v.value);
  if (v.kind !== 'list' && v.kind !== 'tuple') {
    raise('dotAxesType', { axes: v });
  }
  if (v.items.length !== 2) raise('dotAxesLength', { axes: v });
  if (v.items.some((x) => x.kind === 'unknown')) cannotTell('Dot: `axes` is not known statically');
  if (!v.items.every((x) => (x.kind === 'int' && !x.numpy) || x.kind === 'bool')) {
    raise('dotAxesNotIntegers', { axes: v });
  }
  return [Number((v.items[0] as { value: number }).value), Number((v.items[1] as { value: number }).value)];
}

function dotCall(axesArg: number | [number, number], inputs: CallInputs) {
  const { list, lone } = mergeInputs(inputs);
  if (list === null || list.length !== 2) {
    raise('dotNeedsTwo', { shapes: list, shape: lone });
  }
  const [s1, s2] = list;
  const axes: [number, number] =
    typeof axesArg === 'number'
      ? axesArg < 0
        ? [pyMod(axesArg, s1.length), pyMod(axesArg, s2.length)]
        : [axesArg, axesArg]
      : axesArg;
  const d1 = pyIndex(s1, axes[0], 'tuple');
  const d2 = pyIndex(s2, axes[1], 'tuple');
  if (d1 !== d2 && d1 !== '?' && d2 !== '?') {
    raise('dotAxisMismatch', { dim1: d1, dim2: d2, axes, shape1: s1, shape2: s2 });
  }
  const out = [...pyDelete(s1, axes[0], 'pop'), ...pyDelete(pyDelete(s2, axes[1], 'pop'), 0, 'pop')];
  if (out.length === 1) out.push(1);
  return { outputs: [out], weights: [] };
}

const dot: LayerRule = {
  className: 'Dot',
  signature: recordedParams('Dot'),
  construct: (a) => dotAxes(a.get('axes')),
  call: (_a, inputs, _ctx, state) => dotCall(state as number | [number, number], inputs),
};

export const rules: LayerRule[] = [
  ...['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum'].map(mergeRule),
  concatenate,
  dot,
];
