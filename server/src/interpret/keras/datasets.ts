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
};

/**
 * Datasets `load_data` splits at `test_split` (0.2 by default): its parameters in order, the samples
 * in all (per `version` for California housing), and the features of a sample (none for the Reuters
 * newswires, lists of word ids). Keras takes `int(samples * (1 - test_split))` for training.
 */
const SPLIT: Record<string, { params: string[]; samples: Record<string, number>; features?: number }> = {
  boston_housing: { params: ['path', 'test_split', 'seed'], samples: { '': 506 }, features: 13 },
  california_housing: {
    params: ['version', 'path', 'test_split', 'seed'],
    samples: { small: 600, large: 20640 },
    features: 8,
  },
  reuters: {
    params: ['path', 'num_words', 'skip_top', 'maxlen', 'test_split', 'seed'],
    samples: { '': 11228 },
  },
};

/** Parameters of the IMDB loader, for `maxlen`. */
const IMDB_PARAMS = ['path', 'num_words', 'skip_top', 'maxlen', 'seed'];

/** The argument a loader's call gives for `param`, by keyword or position. */
function argOf(params: string[], param: string, args: Value[], kwargs: Array<[string, Value]>): Value | undefined {
  const kw = kwargs.find(([k]) => k === param);
  if (kw) return kw[1];
  const at = params.indexOf(param);
  return at >= 0 ? args[at] : undefined;
}

/** The four shapes of a dataset `load_data` splits, as its arguments decide them (sizes unknown where they do not say). */
function splitShapes(dataset: string, args: Value[], kwargs: Array<[string, Value]>): [Shape, Shape, Shape, Shape] {
  const spec = SPLIT[dataset];
  const version = argOf(spec.params, 'version', args, kwargs);
  const split = argOf(spec.params, 'test_split', args, kwargs);
  const maxlen = argOf(spec.params, 'maxlen', args, kwargs);
  const total =
    version === undefined
      ? (spec.samples[''] ?? spec.samples.large)
      : version.kind === 'str'
        ? spec.samples[version.value]
        : undefined;
  const fraction = split === undefined ? 0.2 : split.kind === 'int' || split.kind === 'float' ? split.value : undefined;
  // Newswires longer than `maxlen` are dropped: how many remain depends on the data.
  const known = total !== undefined && fraction !== undefined && fraction >= 0 && fraction < 1 && !isGiven(maxlen);
  const train = known ? Math.trunc(total * (1 - fraction)) : '?';
  const test = known && typeof train === 'number' ? total - train : '?';
  const rows = (n: number | '?'): Shape => (spec.features ? [n, spec.features] : [n]);
  return [rows(train), [train], rows(test), [test]];
}

/** Whether an optional argument is given a value other than None. */
function isGiven(v: Value | undefined): boolean {
  return v !== undefined && v.kind !== 'none';
}

/** `((x_train, y_train), (x_test, y_test))` as arrays of known shapes, or undefined for other datasets. */
export function loadDataValue(
  dataset: string,
  imageDataFormat: string,
  args: Value[] = [],
  kwargs: Array<[string, Value]> = [],
): Value | undefined {
  let d = SPLIT[dataset] ? splitShapes(dataset, args, kwargs) : DATASETS[dataset];
  if (!d) return undefined;
  // Reviews longer than `maxlen` are dropped: how many remain depends on the data.
  if (dataset === 'imdb' && isGiven(argOf(IMDB_PARAMS, 'maxlen', args, kwargs))) d = [['?'], ['?'], ['?'], ['?']];
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
