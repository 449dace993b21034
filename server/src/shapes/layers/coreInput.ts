/**
 * InputLayer (`keras/src/layers/core/input_layer.py`): what its constructor
 * accepts and the batch shape it stands for. Calling it is not something
 * Keras supports; the rule's `call` just hands back that batch shape.
 */

import { sequenceItems, type Args } from '../args';
import { cannotTell, raise } from '../errors';
import type { Dim, Shape } from '../shape';
import type { LayerRule } from '../rule';
import type { PyValue } from '../values';
import { recordedParams } from '../signatures';
import { DTYPE_NAMES } from '../identifiers';

/** The items `tuple(shape)` iterates, or raises as `standardize_shape` does for a non-iterable. */
function shapeItems(v: PyValue): PyValue[] {
  if (v.kind === 'unknown') cannotTell('InputLayer: the shape is not known statically');
  if (v.kind === 'none') raise('shapeUndefined', {});
  if (v.kind === 'str') return [...v.value].map((c): PyValue => ({ kind: 'str', value: c }));
  if (v.kind === 'dict') return v.entries.map(([k]) => k);
  const items = sequenceItems(v);
  if (items === null) {
    if (v.kind === 'object' || v.kind === 'layer') cannotTell('InputLayer: unusual shape value');
    raise('shapeNotConvertible', { shape: v });
  }
  return items;
}

/** `keras.backend.standardize_shape` on a list of items already taken out of the value. */
function standardizeShape(items: PyValue[]): Shape {
  const shape: PyValue = { kind: 'tuple', items };
  return items.map((d): Dim => {
    if (d.kind === 'none') return null;
    if (d.kind === 'unknown') return '?';
    if (d.kind === 'str' || d.kind === 'float') raise('shapeInvalidDimension', { shape, dim: d });
    if (d.kind !== 'int' && d.kind !== 'bool') cannotTell('InputLayer: unusual shape dimension');
    const n = d.kind === 'int' ? d.value : Number(d.value);
    if (n < 0) raise('shapeNegativeDimension', { shape });
    return n;
  });
}

function checkName(a: Args): void {
  const v = a.known('name');
  if (v.kind === 'none' || v.kind === 'object') return;
  if (v.kind !== 'str' || v.value.includes('/')) raise('layerNameInvalid', { name: v });
}

function checkDtype(a: Args): void {
  const v = a.known('dtype');
  if (v.kind === 'str' && !DTYPE_NAMES.has(v.value)) raise('dtypeInvalid', { dtype: v.value });
}

/** The constructor's logic: which of `shape` / `batch_shape` / `batch_size` make the batch shape. */
function batchShapeOf(a: Args): Shape {
  checkName(a);
  // Keras 2 spellings are still taken from **kwargs and win over the new ones.
  const shape = a.given('input_shape') ? a.known('input_shape') : a.known('shape');
  const batchShape = a.given('batch_input_shape') ? a.known('batch_input_shape') : a.known('batch_shape');
  const batchSize = a.known('batch_size');
  if (a.known('input_tensor').kind !== 'none') cannotTell('InputLayer: `input_tensor` is not followed statically');
  if (shape.kind !== 'none' && batchShape.kind !== 'none') raise('inputShapeAndBatchShape', {});
  if (batchSize.kind !== 'none' && batchShape.kind !== 'none') raise('inputBatchSizeAndBatchShape', {});
  if (shape.kind === 'none' && batchShape.kind === 'none') raise('inputShapeMissing', {});
  let items: PyValue[];
  if (shape.kind !== 'none') {
    // `shape` is standardized alone first, then again with `batch_size` in front.
    items = shapeItems(shape);
    standardizeShape(items);
    items = [batchSize, ...items];
  } else {
    items = shapeItems(batchShape);
  }
  const result = standardizeShape(items);
  checkDtype(a);
  // `ragged=True` is refused by some backends (JAX, PyTorch) and not others.
  if (a.bool('ragged')) cannotTell('InputLayer: `ragged=True` depends on the backend');
  return result;
}

const inputLayer: LayerRule = {
  className: 'InputLayer',
  signature: recordedParams('InputLayer'),
  construct: (a) => batchShapeOf(a),
  call(_a, inputs, _ctx, state) {
    if (inputs.args.length > 0) raise('tooManyPositionalBind', {});
    return { outputs: [state as Shape], weights: [] };
  },
};

export const inputLayerRules: LayerRule[] = [inputLayer];
