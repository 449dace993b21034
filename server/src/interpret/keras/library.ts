/**
 * Calls of library functions and classes by canonical name (names.ts): layer
 * classes, `Input`, `Sequential`, `Model`, the functional merge forms,
 * losses and metrics (their keywords), optimizers (Keras 3's arguments),
 * `keras.config`, datasets, `keras.utils`, `keras.Variable`, `keras.random`;
 * and, routed to their wings, `keras.ops` and activations (ops/), NumPy
 * (numpy/), `keras.applications` (applications/), Python's `math`.
 */

import { errorOf } from '../../shapes/errors';
import { toSnakeCase } from '../../shapes/naming';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { callApplication } from '../applications/applications';
import { preprocessInput } from '../applications/imagenetUtils';
import { callNumpy } from '../numpy/arrays';
import { callTensorflow } from './tensorflow';
import { callSklearn, isSklearnName } from '../numpy/sklearn';
import { callPandas, isPandasName } from '../numpy/pandas';
import { ACTIVATIONS, callActivation } from '../ops/operators';
import { callOp, OP_FUNCTIONS } from '../ops/ops';
import { callMath } from '../python/pymath';
import { asItems, asShape, kwarg, type ModelObj, NONE_V, spanOf, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';
import { loadDataValue } from './datasets';
import { makeFunctional, makeInput } from './functional';
import { unexpectedKeyword } from './kerasClasses';
import { constructLayerObj } from './layers';
import { canonicalName, layerClassOf } from './names';
import { checkOptimizerCall, checkOptimizerValues } from './optimizers';
import { loadModel, rebuiltModel, saveModel } from './saving';
import { makeSequential } from './sequential';
import { checkCallbackCall, checkUnboundMethodCall } from './trainingApi';

/** Functional forms of the merge layers: `layers.concatenate([a, b])` is `Concatenate()([a, b])`. */
export const MERGE_FUNCTIONS: Record<string, string> = {
  concatenate: 'Concatenate',
  add: 'Add',
  subtract: 'Subtract',
  multiply: 'Multiply',
  average: 'Average',
  maximum: 'Maximum',
  minimum: 'Minimum',
  dot: 'Dot',
};

/** A call of a library function or class, by the name it was imported as. */
export function callLibrary(
  api: KerasApi,
  qualname: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
  incomplete: boolean,
): Value {
  const q = canonicalName(qualname);
  if (q === 'keras.Input') return makeInput(api, args, kwargs, node);
  if (q === 'keras.Sequential') return makeSequential(api, args, kwargs, node);
  if (q === 'keras.Model') return makeFunctional(api, args, kwargs, node);
  const unbound = /^keras\.(Sequential|Model)\.([A-Za-z]\w*)$/.exec(q);
  if (unbound) return checkUnboundMethodCall(api, unbound[1], unbound[2], args, kwargs, node) ?? UNKNOWN;
  const cls = layerClassOf(q);
  if (cls) return { kind: 'layer', layer: constructLayerObj(api, cls, args, kwargs, node, incomplete) };
  const fn = /^keras\.layers\.([a-z_]+)$/.exec(q)?.[1];
  if (fn && MERGE_FUNCTIONS[fn]) {
    const [inputs, ...rest] = args;
    const layer = constructLayerObj(
      api,
      MERGE_FUNCTIONS[fn],
      rest,
      kwargs.filter(([k]) => k !== 'inputs'),
      node,
      incomplete,
    );
    return api.callLayer(layer, [inputs ?? kwarg(kwargs, 'inputs') ?? UNKNOWN], [], node);
  }
  const op = /^keras\.ops\.(?:numpy\.|nn\.|core\.|image\.|linalg\.|math\.)?([a-z_0-9]+)$/.exec(q)?.[1];
  if (op && OP_FUNCTIONS.has(op)) return callOp(api, op, args, kwargs, node);
  if (q === 'keras.activations.get') return activationsGet(args[0] ?? kwarg(kwargs, 'identifier'));
  const act = /^keras\.activations\.([a-z_0-9]+)$/.exec(q)?.[1];
  if (act) {
    const v = callActivation(api, act, args, node);
    if (v) return v;
  }
  if (/^keras\.(losses|metrics)\.[A-Z]/.test(q)) {
    const problem = unexpectedKeyword(
      q,
      kwargs.map(([k]) => k),
    );
    if (problem) return api.interp.raise(problem, node);
  }
  if (/^keras\.callbacks\.[A-Z]/.test(q)) {
    const raised = checkCallbackCall(api, q, args, kwargs, node);
    if (raised) return raised;
  }
  if (/^keras\.optimizers\.legacy\.[A-Z]\w*$/.test(q)) return api.interp.raise(errorOf('legacyOptimizer', {}), node);
  if (/^keras\.optimizers\.[A-Z]/.test(q)) {
    const problem =
      checkOptimizerCall(q.split('.').pop()!, kwargs) ?? checkOptimizerValues(q.split('.').pop()!, args, kwargs);
    if (problem) return api.interp.raise(problem, node);
    return { kind: 'object', qualname: q };
  }
  if (/^keras\.(backend|config)\.image_data_format$/.test(q))
    return { kind: 'str', value: api.options.imageDataFormat };
  if (/^keras\.(backend|config)\.set_image_data_format$/.test(q)) {
    const v = args[0] ?? kwargs[0]?.[1];
    api.configWrites++;
    if (v?.kind === 'str' && (v.value === 'channels_first' || v.value === 'channels_last'))
      api.options.imageDataFormat = v.value;
    return NONE_V;
  }
  const dataset = /^keras\.datasets\.([a-z_0-9]+)\.load_data$/.exec(q)?.[1];
  if (dataset) return loadDataValue(dataset, api.options.imageDataFormat, args, kwargs) ?? UNKNOWN;
  if (/^(keras\.utils|keras\.preprocessing\.sequence)\.pad_sequences$/.test(q)) {
    const x = args[0];
    const maxlen = args[1] ?? kwarg(kwargs, 'maxlen');
    const n = x?.kind === 'array' && x.shape ? x.shape[0] : x && asItems(x) ? asItems(x)!.length : '?';
    return { kind: 'array', shape: maxlen?.kind === 'int' ? [n, maxlen.value] : null };
  }
  if (q === 'keras.utils.to_categorical') {
    const y = args[0];
    const classes = args[1] ?? kwarg(kwargs, 'num_classes');
    // Keras's `to_categorical`: a trailing axis of 1 goes, the classes axis comes last; without `num_classes`, the largest label + 1.
    // A label the source writes out past `num_classes`: NumPy's IndexError at the one-hot assignment.
    if (classes?.kind === 'int' && classes.value > 0 && y?.kind === 'array' && y.ints) {
      const n = classes.value;
      const bad = y.ints.find((v) => v >= n || v < -n);
      if (bad !== undefined) return api.interp.raise(errorOf('categoricalIndex', { index: bad, size: n }), node);
    }
    const width =
      classes?.kind === 'int' && classes.value > 0
        ? classes.value
        : (!classes || classes.kind === 'none') && y?.kind === 'array' && y.max !== undefined
          ? y.max + 1
          : undefined;
    const s = y?.kind === 'array' && y.shape ? y.shape : ['?' as const];
    const base = s.length > 1 && s[s.length - 1] === 1 ? s.slice(0, -1) : s;
    return { kind: 'array', shape: width !== undefined ? [...base, width] : null };
  }
  if (q.startsWith('numpy.')) return callNumpy(api, q, args, kwargs, node) ?? UNKNOWN;
  if (q.startsWith('tensorflow.')) return callTensorflow(api, q, args, kwargs, node) ?? UNKNOWN;
  if (isSklearnName(q)) return callSklearn(q, args, kwargs);
  if (isPandasName(q)) return callPandas(q, args, kwargs);
  if (/^keras\.applications\.([a-z_0-9]+\.)?[A-Z]/.test(q))
    return callApplication(api, q, args, kwargs, node, incomplete);
  const prep = /^keras\.applications\.([a-z_0-9]+)\.preprocess_input$/.exec(q)?.[1];
  const preprocessed = prep ? preprocessInput(api, prep, args, kwargs, node) : undefined;
  if (preprocessed) return preprocessed;
  if (q === 'keras.models.save_model' || q === 'keras.saving.save_model')
    return args[0]?.kind === 'model' ? saveModel(api, args.slice(1), kwargs, node, args[0].model) : UNKNOWN;
  if (q === 'keras.models.load_model' || q === 'keras.saving.load_model') return loadModel(api, args, kwargs, node);
  if (q === 'keras.models.clone_model' && args[0]?.kind === 'model')
    return { kind: 'model', model: cloneModel(api, args[0].model, node) };
  if (q === 'keras.Variable' || q === 'keras.backend.Variable') return kerasVariable(args, kwargs);
  if (/^keras\.random\.[a-z_]+$/.test(q)) {
    const shape = kwarg(kwargs, 'shape') ?? args[0];
    return { kind: 'array', shape: shape ? asShape(shape) : null };
  }
  const number = callMath(q, args);
  if (number) return number;
  // Other functions of numerical libraries give values the analysis does not model, and so does any function given a tensor.
  if (
    args.some((a) => a.kind === 'tensor') ||
    (/^(numpy|keras\.ops|keras\.random|keras\.backend|tensorflow)\./.test(q) && !/^tensorflow\.keras/.test(q))
  )
    return UNKNOWN;
  // A function of a module the analysis does not know (the user's own, not in the file) may return anything.
  if (!/^(keras|tensorflow|builtins)\./.test(q) && /^[a-z_]/.test(q.split('.').pop() ?? '')) return UNKNOWN;
  return { kind: 'object', qualname: q };
}

/**
 * `keras.activations.get(identifier)`: `None` is `linear`, a name is the function of that name, a function is
 * itself (Keras's `activations.get`). Names this analysis has no function for, and anything else, are unknown.
 */
function activationsGet(identifier: Value | undefined): Value {
  if (!identifier || identifier.kind === 'none') return { kind: 'ref', qualname: 'keras.activations.linear' };
  if (identifier.kind === 'str' && (identifier.value === 'linear' || ACTIVATIONS[identifier.value] !== undefined))
    return { kind: 'ref', qualname: `keras.activations.${identifier.value}` };
  if (identifier.kind === 'ref' && /^keras\.activations\.[a-z_0-9]+$/.test(identifier.qualname)) return identifier;
  return UNKNOWN;
}

/**
 * `keras.models.clone_model`: the same structure, fresh layers from their configs (so the same names), the
 * model's own name; made by Keras, so not listed. A Sequential clone is built, wrapping a new `Functional`.
 */
function cloneModel(api: KerasApi, model: ModelObj, node: SyntaxNode): ModelObj {
  const rebuilt = rebuiltModel(api, model, node, false);
  if (rebuilt) return rebuilt;
  if (model.kind === 'Sequential' && model.built) api.uniqueName('functional');
  const clone: ModelObj = {
    ...model,
    id: api.nextId++,
    name: model.name,
    span: spanOf(node),
    layers: [...model.layers],
    row: undefined,
  };
  return clone;
}

/**
 * `keras.Variable(initializer, shape=None, dtype=None, trainable=True, ...)`:
 * an array of its shape (given, or the initial value's), which a layer that
 * holds it counts among its weights.
 */
function kerasVariable(args: Value[], kwargs: Array<[string, Value]>): Value {
  const init = args[0] ?? kwarg(kwargs, 'initializer');
  const shapeArg = args[1] ?? kwarg(kwargs, 'shape');
  const trainableArg = args[3] ?? kwarg(kwargs, 'trainable');
  const shape =
    shapeArg && shapeArg.kind !== 'none'
      ? asShape(shapeArg)
      : init?.kind === 'array'
        ? init.shape
        : init?.kind === 'int' || init?.kind === 'float'
          ? []
          : null;
  const trainable = trainableArg === undefined ? true : trainableArg.kind === 'bool' ? trainableArg.value : undefined;
  return { kind: 'array', shape, variable: { trainable } };
}
