/**
 * Shapes of what `keras.datasets.*.load_data()` returns, so that code such as
 * `input_shape=x_train.shape[1:]` has a known value. Only sizes are modelled.
 */

import type { Shape } from '../../shapes/shape';
import type { Value } from '../values';

/** The largest label of each dataset (labels run from 0). */
const LABEL_MAX: Record<string, number> = {
  mnist: 9,
  fashion_mnist: 9,
  cifar10: 9,
  cifar100: 99,
  imdb: 1,
  reuters: 45,
};

const DATASETS: Record<string, [Shape, Shape, Shape, Shape]> = {
  mnist: [[60000, 28, 28], [60000], [10000, 28, 28], [10000]],
  fashion_mnist: [[60000, 28, 28], [60000], [10000, 28, 28], [10000]],
  cifar10: [
    [50000, 32, 32, 3],
    [50000, 1],
    [10000, 32, 32, 3],
    [10000, 1],
  ],
  cifar100: [
    [50000, 32, 32, 3],
    [50000, 1],
    [10000, 32, 32, 3],
    [10000, 1],
  ],
  imdb: [[25000], [25000], [25000], [25000]],
  reuters: [[8982], [8982], [2246], [2246]],
  boston_housing: [[404, 13], [404], [102, 13], [102]],
};

/** `((x_train, y_train), (x_test, y_test))` as arrays of known shapes, or undefined for other datasets. */
export function loadDataValue(dataset: string, imageDataFormat: string): Value | undefined {
  const d = DATASETS[dataset];
  if (!d) return undefined;
  // The CIFAR loaders transpose images to the configured image_data_format.
  const arr = (shape: Shape): Value => ({
    kind: 'array',
    shape:
      shape.length === 4 && imageDataFormat === 'channels_first' ? [shape[0], shape[3], shape[1], shape[2]] : shape,
  });
  // The IMDB and Reuters reviews are lists of word ids of their own lengths: arrays of Python objects.
  const sequences = dataset === 'imdb' || dataset === 'reuters';
  const data = (shape: Shape): Value => (sequences ? { kind: 'array', shape, dtype: 'object' } : arr(shape));
  const labels = (shape: Shape): Value => ({ kind: 'array', shape, max: LABEL_MAX[dataset] });
  return {
    kind: 'tuple',
    items: [
      { kind: 'tuple', items: [data(d[0]), labels(d[1])] },
      { kind: 'tuple', items: [data(d[2]), labels(d[3])] },
    ],
  };
}
