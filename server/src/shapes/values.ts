/**
 * Python values as the shape engine sees them: the already-evaluated
 * arguments of a layer's constructor call.
 *
 * The engine never sees syntax. The interpreter turns source text into these
 * values; anything it could not work out statically is `unknown`, and the
 * engine treats an unknown argument as "cannot say", never as an error.
 */

import { floatRepr, strRepr, tupleText } from './python/text';

/** NumPy's integer scalar types. */
export type NumpyInt = 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

export type PyValue =
  /** `numpy`: a NumPy integer scalar's type (`np.max(y) + 1`), which Keras's `isinstance(x, int)` checks reject. */
  | { kind: 'int'; value: number; numpy?: NumpyInt }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'tuple'; items: PyValue[] }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: Array<[PyValue, PyValue]> }
  /**
   * A layer object passed as an argument (Bidirectional, TimeDistributed, RNN cells). `name` and `built`,
   * where the interpreter knows them, are what `Layer.__repr__` prints.
   */
  | { kind: 'layer'; call: LayerCall; name?: string; built?: boolean }
  /**
   * Any other object or callable the interpreter recognised by name, e.g.
   * `keras.activations.relu`, `keras.initializers.HeNormal()`,
   * `keras.regularizers.l2(0.01)`. `qualname` is the dotted Keras path.
   */
  | { kind: 'object'; qualname: string; called: boolean }
  | { kind: 'unknown'; why?: string };

/** A layer constructor call: class name plus evaluated arguments, in source order. */
export interface LayerCall {
  className: string;
  args: PyValue[];
  kwargs: Array<[string, PyValue]>;
  /** The call used `*args`/`**kwargs` the interpreter could not expand: arguments are not all known. */
  incomplete?: boolean;
}

export const NONE: PyValue = { kind: 'none' };

export function tuple(items: PyValue[]): PyValue {
  return { kind: 'tuple', items };
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(v: PyValue): boolean {
  switch (v.kind) {
    case 'unknown':
      return true;
    case 'tuple':
    case 'list':
      return v.items.some(containsUnknown);
    case 'dict':
      return v.entries.some(([k, x]) => containsUnknown(k) || containsUnknown(x));
    default:
      return false;
  }
}

/** Python truthiness; undefined for an unknown value. */
export function pyTruth(v: PyValue): boolean | undefined {
  switch (v.kind) {
    case 'int':
    case 'float':
      return v.value !== 0;
    case 'str':
      return v.value.length > 0;
    case 'bool':
      return v.value;
    case 'none':
      return false;
    case 'tuple':
    case 'list':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

/** Python's `repr`, as Keras interpolates values into its messages. */
export function pyRepr(v: PyValue): string {
  switch (v.kind) {
    case 'int':
      // NumPy 2 writes its scalars' type in their repr: `np.int64(1)`.
      return v.numpy ? `np.${v.numpy}(${v.value})` : String(v.value);
    case 'float':
      return floatRepr(v.value);
    case 'str':
      return strRepr(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'tuple':
      return tupleText(v.items.map(pyRepr));
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
    case 'layer':
      return `<${v.call.className}>`;
    case 'object':
      return v.qualname;
    case 'unknown':
      return '?';
  }
}

/** The type's name with its module where it is not a builtin, as `TypeError`s and `<class ...>` print it: `numpy.int64`. */
export function pyQualifiedTypeName(v: PyValue): string {
  return v.kind === 'int' && v.numpy ? `numpy.${v.numpy}` : pyTypeName(v);
}

/** Python's name for the value's type, as in `<class 'float'>`. */
export function pyTypeName(v: PyValue): string {
  switch (v.kind) {
    case 'int':
      return v.numpy ?? 'int';
    case 'float':
      return 'float';
    case 'str':
      return 'str';
    case 'bool':
      return 'bool';
    case 'none':
      return 'NoneType';
    case 'tuple':
      return 'tuple';
    case 'list':
      return 'list';
    case 'dict':
      return 'dict';
    case 'layer':
      return v.call.className;
    case 'object':
      return v.qualname.split('.').pop() ?? 'object';
    case 'unknown':
      return 'unknown';
  }
}
