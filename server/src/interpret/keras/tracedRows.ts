/**
 * What a summary row shows for a layer that was only called inside a traced
 * call (the `call` of a subclassed model or custom layer run on symbolic
 * inputs: Keras traces it with backend tensors) or an eager one (on data).
 * Such calls record no graph node; `summary()` then shows
 * `compute_output_shape` of the shapes the layer was first built with, and
 * nothing for a layer whose build never receives shapes.
 */

/**
 * Built-in classes that Keras builds at construction: a traced or eager call
 * leaves them without build shapes, so their row shows no shape. Recorded with
 * Keras by `test/truth/build-shapes/record.py`; the test `test/interpret/tracedRows.test.ts`
 * holds this list to that record.
 */
export const BUILT_WITHOUT_SHAPES = new Set([
  'Activation',
  'ActivityRegularization',
  'AlphaDropout',
  'AveragePooling1D',
  'AveragePooling2D',
  'AveragePooling3D',
  'Dropout',
  'ELU',
  'GaussianDropout',
  'GaussianNoise',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'GlobalAveragePooling3D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'GlobalMaxPooling3D',
  'Identity',
  'LeakyReLU',
  'Masking',
  'MaxPooling1D',
  'MaxPooling2D',
  'MaxPooling3D',
  'ReLU',
  'Reshape',
  'Softmax',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'UnitNormalization',
]);

/** Whether a built-in layer first built by a traced or eager call shows that call's output shape. */
export function showsTracedShape(className: string): boolean {
  return !BUILT_WITHOUT_SHAPES.has(className);
}
