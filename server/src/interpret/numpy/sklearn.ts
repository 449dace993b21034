/**
 * scikit-learn's data helpers, as far as shapes go: `train_test_split`
 * (each array's sample axis split by `test_size`/`train_size` as
 * `_validate_shuffle_split` counts it, the other axes kept) and the scalers'
 * `fit_transform`/`transform` (the shape kept; `LabelEncoder` keeps its 1-D
 * labels), and the datasets its loaders return (`load_iris()`, `fetch_california_housing()`, with
 * `return_X_y=True` too: shapes recorded by `test/truth/sklearn-datasets/record.py`). Anything else
 * of scikit-learn is unknown.
 */

import type { Shape } from '../../shapes/shape';
import { kwarg, UNKNOWN, type Value } from '../values';
import recorded from './sklearnDatasets.json';

/** Each loader's arrays by attribute (`data`, `target`, `images`). */
const DATASETS: Record<string, Record<string, Shape>> = Object.fromEntries(
  Object.entries(recorded.loaders).map(([name, arrays]) => [
    `sklearn.datasets.${name}`,
    arrays as Record<string, Shape>,
  ]),
);

type Kwargs = Array<[string, Value]>;

/** Transformers whose `fit_transform`/`transform` return an array of the input's shape. */
const SHAPE_KEEPING = new Set([
  'sklearn.preprocessing.StandardScaler',
  'sklearn.preprocessing.MinMaxScaler',
  'sklearn.preprocessing.MaxAbsScaler',
  'sklearn.preprocessing.RobustScaler',
  'sklearn.preprocessing.Normalizer',
  'sklearn.preprocessing.LabelEncoder',
]);

export function isSklearnName(q: string): boolean {
  return q.startsWith('sklearn.');
}

/** The number of test and train samples `train_test_split` takes from `n`, or undefined when Keras's user would see sklearn refuse. */
function splitSizes(n: number, test: Value | undefined, train: Value | undefined): [number, number] | undefined {
  const none = (v: Value | undefined) => !v || v.kind === 'none';
  const count = (v: Value | undefined, round: (x: number) => number): number | undefined =>
    v?.kind === 'float' ? round(v.value * n) : v?.kind === 'int' ? v.value : undefined;
  const testV: Value | undefined = none(test) && none(train) ? { kind: 'float', value: 0.25 } : test;
  let nTest = none(testV) ? undefined : count(testV, Math.ceil);
  let nTrain = none(train) ? undefined : count(train, Math.floor);
  if ((!none(testV) && nTest === undefined) || (!none(train) && nTrain === undefined)) return undefined;
  if (nTrain === undefined) nTrain = n - nTest!;
  else if (nTest === undefined) nTest = n - nTrain;
  if (nTest! <= 0 || nTrain <= 0 || nTest! + nTrain > n) return undefined;
  return [nTest!, nTrain];
}

/** `train_test_split(*arrays, test_size=, train_size=, ...)`: train and test parts of each array, in order. */
function trainTestSplit(args: Value[], kwargs: Kwargs): Value {
  if (args.length === 0 || !args.every((a) => a.kind === 'array')) return UNKNOWN;
  const shapes = args.map((a) => (a as { shape: Shape | null }).shape);
  const n = shapes[0]?.[0];
  const sized = shapes.every((s) => s && s.length > 0 && s[0] === n);
  const sizes =
    typeof n === 'number' && sized ? splitSizes(n, kwarg(kwargs, 'test_size'), kwarg(kwargs, 'train_size')) : undefined;
  const items: Value[] = [];
  for (const s of shapes) {
    const rest = s ? s.slice(1) : null;
    for (const part of [1, 0]) items.push({ kind: 'array', shape: sizes && rest ? [sizes[part], ...rest] : null });
  }
  return { kind: 'list', items };
}

/** A call of a scikit-learn name: a transformer object, or `train_test_split`'s parts. */
export function callSklearn(q: string, args: Value[], kwargs: Kwargs): Value {
  if (q === 'sklearn.model_selection.train_test_split') return trainTestSplit(args, kwargs);
  const dataset = DATASETS[q];
  if (dataset) {
    // `as_frame=True` gives pandas frames; a positional argument is not followed.
    const asFrame = kwarg(kwargs, 'as_frame');
    if (args.length > 0 || (asFrame && !(asFrame.kind === 'bool' && !asFrame.value))) return UNKNOWN;
    const xy = kwarg(kwargs, 'return_X_y');
    if (xy?.kind === 'bool' && xy.value)
      return {
        kind: 'tuple',
        items: [
          { kind: 'array', shape: dataset.data },
          { kind: 'array', shape: dataset.target },
        ],
      };
    return xy === undefined || xy.kind === 'bool' ? { kind: 'object', qualname: q } : UNKNOWN;
  }
  if (SHAPE_KEEPING.has(q)) return { kind: 'object', qualname: q };
  return UNKNOWN;
}

/** `scaler.fit_transform(X)` and the like: a method value, or undefined when not modelled. */
export function sklearnAttribute(self: Value & { kind: 'object' }, attr: string): Value | undefined {
  const dataset = DATASETS[self.qualname];
  if (dataset) return dataset[attr] ? { kind: 'array', shape: dataset[attr] } : undefined;
  if (!SHAPE_KEEPING.has(self.qualname)) return undefined;
  return attr === 'fit_transform' || attr === 'transform' || attr === 'inverse_transform' || attr === 'fit'
    ? { kind: 'method', self, name: attr }
    : undefined;
}

export function sklearnMethod(self: Value & { kind: 'object' }, name: string, args: Value[]): Value {
  if (name === 'fit') return self;
  const x = args[0];
  if (x?.kind !== 'array') return UNKNOWN;
  // LabelEncoder takes 1-D labels only; other shapes are sklearn's error, not modelled.
  if (self.qualname === 'sklearn.preprocessing.LabelEncoder' && x.shape?.length !== 1) return UNKNOWN;
  return { kind: 'array', shape: x.shape };
}
