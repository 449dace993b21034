/**
 * Checks that every layer shares: the base `Layer`'s (its keywords, the
 * input spec `__call__` checks first), the argument validation of
 * `keras.src.utils.argument_validation` and `backend.config`, the
 * `get(identifier)` lookups, and the backend's shape and variable checks
 * (`backend/common/variables.py`, `ops/operation_utils.py`).
 */

import { formatShape, type Shape } from '../shape';
import { pyRepr, pyQualifiedTypeName, pyTypeName, type PyValue } from '../values';
import { kerasTensorRepr } from './callFrame';
import { kerasClassOf, kerasModuleOf } from './layerCalls';
import { message } from './define';
import { pySetStr, pyStr } from './python';

/** Where an input spec check failed: the input's position, the spec's `name` (None unless set), the layer's name. */
interface InputSpecWhere {
  index: number;
  specName?: string | null;
  layer: string;
}

const where = (d: InputSpecWhere) =>
  `Input ${d.index} with name '${d.specName ?? 'None'}' of layer '${d.layer}' is incompatible with the layer`;

/** `<class 'float'>`, as `type(x)` prints. */
export function pyClass(v: PyValue): string {
  if (v.kind === 'layer') return `<class '${kerasModuleOf(v.call.className)}.${kerasClassOf(v.call.className)}'>`;
  return `<class '${pyQualifiedTypeName(v)}'>`;
}

export const baseMessages = {
  // ------------------------------------------------ input_spec.assert_input_compatibility
  inputSpecNdim: message(
    'ValueError',
    (d: InputSpecWhere & { ndim: number; shape: Shape }) =>
      `${where(d)}: expected ndim=${d.ndim}, found ndim=${d.shape.length}. Full shape received: ${formatShape(d.shape)}`,
  ),
  inputSpecMaxNdim: message(
    'ValueError',
    (d: InputSpecWhere & { maxNdim: number; shape: Shape }) =>
      `${where(d)}: expected max_ndim=${d.maxNdim}, found ndim=${d.shape.length}`,
  ),
  inputSpecMinNdim: message(
    'ValueError',
    (d: InputSpecWhere & { minNdim: number; shape: Shape }) =>
      `${where(d)}: expected min_ndim=${d.minNdim}, found ndim=${d.shape.length}. Full shape received: ${formatShape(d.shape)}`,
  ),
  inputSpecAxis: message(
    'ValueError',
    (d: InputSpecWhere & { axis: number; value: number; shape: Shape }) =>
      `${where(d)}: expected axis ${d.axis} of input shape to have value ${d.value}, but received input with shape ${formatShape(d.shape)}`,
  ),
  /** A layer with one input spec called on several tensors; they print as the first tensors of a session. */
  inputSpecCount: message('ValueError', (d: { layer: string; expected: number; shapes: Shape[] }) => {
    const tensors = d.shapes.map((shape, i) =>
      kerasTensorRepr({ shape, dtype: 'float32', name: i === 0 ? 'keras_tensor' : `keras_tensor_${i}` }),
    );
    return `Layer "${d.layer}" expects ${d.expected} input(s), but it received ${d.shapes.length} input tensors. Inputs received: [${tensors.join(', ')}]`;
  }),
  /** A layer whose input specs all have names (a functional model's inputs) given another number of tensors. */
  inputSpecCountNamed: message('ValueError', (d: { layer: string; names: string[]; given: number }) => {
    const keys = `[${d.names.map((n) => `'${n}'`).join(', ')}]`;
    return (
      `Layer "${d.layer}" expects ${d.names.length} named input(s) with keys ${keys}, but it received ${d.given} input tensors. ` +
      `Pass inputs as a dict, e.g. \`layer({${d.names.map((n) => `'${n}': ...`).join(', ')}})\`.`
    );
  }),

  // ------------------------------------------------ Layer.__call__, before the input spec
  /** A plain Python value among a layer's positional arguments (`positionalArgs.ts`). */
  nonTensorPositionalArg: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Only input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: ${pyStr(d.value)} (of type ${pyClass(d.value)})`,
  ),

  // ------------------------------------------------ Layer.__init__ and Operation.__init__
  layerNameInvalid: message(
    'ValueError',
    (d: { name: PyValue }) =>
      `Argument \`name\` must be a string and cannot contain character \`/\`. Received: name=${pyStr(d.name)} (of type ${pyClass(d.name)})`,
  ),
  layerTrainableNotBool: message(
    'ValueError',
    (d: { trainable: PyValue }) =>
      `Expected \`trainable\` to be a boolean. Received: trainable=${pyStr(d.trainable)} (of type ${pyClass(d.trainable)})`,
  ),
  unrecognizedKeywords: message(
    'ValueError',
    (d: { className: string; kwargs: Array<[string, PyValue]> }) =>
      `Unrecognized keyword arguments passed to ${d.className}: {${d.kwargs.map(([k, v]) => `'${k}': ${pyRepr(v)}`).join(', ')}}`,
  ),

  // ------------------------------------------------ argument_validation, backend.config
  /** `standardize_tuple`: not an int nor a sequence of `n` items. */
  tupleArgInvalid: message(
    'ValueError',
    (d: { name: string; n: number; value: PyValue }) =>
      `The \`${d.name}\` argument must be a tuple of ${d.n} integers. Received ${d.name}=${pyStr(d.value)}`,
  ),
  /** `standardize_tuple`: an item `int()` refuses (Keras appends to the message without a space). */
  tupleArgItemInvalid: message(
    'ValueError',
    (d: { name: string; n: number; value: PyValue; item: PyValue }) =>
      `The \`${d.name}\` argument must be a tuple of ${d.n} integers. Received ${d.name}=${pyStr(d.value)}` +
      `including element ${pyStr(d.item)} of type ${pyClass(d.item)}`,
  ),
  /** `standardize_tuple`: items that are not > 0 (>= 0 with `allowZero`); they print as a Python set. */
  tupleArgItemsNotPositive: message(
    'ValueError',
    (d: { name: string; n: number; value: PyValue; bad: PyValue[]; allowZero: boolean }) =>
      `The \`${d.name}\` argument must be a tuple of ${d.n} integers. Received ${d.name}=${pyStr(d.value)}` +
      `, including values ${pySetStr(d.bad)} that do not satisfy \`value ${d.allowZero ? '>= 0' : '> 0'}\``,
  ),
  /** `standardize_padding`: a string outside the allowed set (printed as the Python set it is). */
  paddingArgInvalid: message(
    'ValueError',
    (d: { padding: string; allowCausal: boolean }) =>
      `The \`padding\` argument must be a list/tuple or one of ${pySetStr(
        (d.allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same']).map((value) => ({ kind: 'str', value })),
        true,
      )}. Received: ${d.padding}`,
  ),
  /** `standardize_data_format`: the value is lower-cased (`str(x).lower()`) before the check and the message. */
  dataFormatInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `The \`data_format\` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=${pyStr(d.value).toLowerCase()}`,
  ),
  /** An `isinstance(x, int)` check (RepeatVector's `n`, UpSampling1D's `size`). */
  expectedInteger: message(
    'TypeError',
    (d: { name: string; value: PyValue }) => `Expected an integer value for \`${d.name}\`, got ${pyClass(d.value)}.`,
  ),
  /** Dense's `units` check. */
  expectedPositiveInteger: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `Received an invalid value for \`${d.name}\`, expected a positive integer. Received: ${d.name}=${pyStr(d.value)}`,
  ),
  /** The Dropout family's `0 <= rate <= 1` check. */
  rateOutOfRange: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `Invalid value received for argument \`${d.name}\`. Expected a float value between 0 and 1. Received: ${d.name}=${pyStr(d.value)}`,
  ),
  /** A number argument of another type, where the rule does not follow Keras's own failure (not Keras's wording). */
  expectedNumber: message(
    'TypeError',
    (d: { name: string; value: PyValue }) => `Expected a number for \`${d.name}\`, got ${pyRepr(d.value)}`,
  ),
  /** A string argument of another type, where the rule does not follow Keras's own failure (not Keras's wording). */
  expectedString: message(
    'TypeError',
    (d: { name: string; value: PyValue }) => `Expected a string for \`${d.name}\`, got ${pyRepr(d.value)}`,
  ),

  // ------------------------------------------------ activations/initializers/regularizers/constraints.get
  unknownIdentifier: message(
    'ValueError',
    (d: { what: 'activation function' | 'initializer' | 'regularizer' | 'constraint'; identifier: PyValue }) =>
      `Could not interpret ${d.what} identifier: ${pyStr(d.identifier)}`,
  ),

  // ------------------------------------------------ backend: standardize_shape, variables, dtypes
  shapeUndefined: message('ValueError', (_: object) => 'Undefined shapes are not supported.'),
  /** `standardize_shape` of a value that is not iterable; `shape` prints with `str()`. */
  shapeNotConvertible: message(
    'ValueError',
    (d: { shape: PyValue }) => `Cannot convert '${pyStr(d.shape)}' to a shape.`,
  ),
  /** `standardize_shape`: a str or float dimension (Keras's text ends with a space). */
  shapeInvalidDimension: message(
    'ValueError',
    (d: { shape: PyValue; dim: PyValue }) =>
      `Cannot convert '${pyStr(d.shape)}' to a shape. Found invalid dimension '${pyStr(d.dim)}' of type '${pyClass(d.dim)}'. `,
  ),
  shapeNegativeDimension: message(
    'ValueError',
    (d: { shape: PyValue }) => `Cannot convert '${pyStr(d.shape)}' to a shape. Negative dimensions are not allowed.`,
  ),
  /** `KerasVariable._validate_shape`: a weight with a None dimension. */
  variableShapeUndefined: message(
    'ValueError',
    (d: { shape: PyValue; path: string }) =>
      `Shapes used to initialize variables must be fully-defined (no \`None\` dimensions). Received: shape=${pyStr(d.shape)} for variable path='${d.path}'`,
  ),
  dtypeInvalid: message('ValueError', (d: { dtype: string }) => `Invalid dtype: ${d.dtype}`),
  /** `operation_utils.broadcast_shapes`. */
  cannotBroadcast: message(
    'ValueError',
    (d: { dim: number | null; other: number | null; shape1: Shape; shape2: Shape }) =>
      `Cannot broadcast shape, the failure dim has value ${d.dim ?? 'None'}, which cannot be broadcasted to ${d.other ?? 'None'}. ` +
      `Input shapes are: ${formatShape(d.shape1)} and ${formatShape(d.shape2)}.`,
  ),
  /** NumPy's `normalize_axis_index`. */
  axisOutOfBounds: message(
    'ValueError',
    (d: { axis: number; rank: number }) => `axis ${d.axis} is out of bounds for an array of dimension ${d.rank}`,
  ),
  /** `dtype_policies.get` on a quantization mode with no source dtype (`dtype="int8"`). */
  dtypePolicyPairInvalid: message(
    'ValueError',
    (d: { policy: string }) =>
      `Cannot convert \`policy\` into a valid pair (\`mode\`, \`source_name\`) to instantiate \`QuantizedDTypePolicy\`. Received: policy=${d.policy}`,
  ),
};

/** A shape's dimensions as the Python tuple Keras prints (`(None, 3)`); '?' prints as `?`. */
export function shapeTuple(dims: Array<number | null | '?' | PyValue>): { kind: 'tuple'; items: PyValue[] } {
  return {
    kind: 'tuple',
    items: dims.map((d): PyValue => {
      if (d === null) return { kind: 'none' };
      if (d === '?') return { kind: 'unknown' };
      if (typeof d === 'number') return { kind: 'int', value: d };
      return d;
    }),
  };
}
