/**
 * The interpreter's values: Python data the analysis can know, plus the
 * objects that build models (layers, symbolic tensors, models, user
 * functions, classes and instances). The records of layers, tensors, graph
 * nodes and models are in `records.ts`; this file exports them too, so that
 * the shared data has one entry.
 */

import type { Shape } from '../shapes/shape';
import type { LayerCall, NumpyInt, PyValue } from '../shapes/values';
import type { PyNode as SyntaxNode, SourceSpan } from '../syntax/ast';
import type { Scope } from './python/scope';
import { layerBuilt, type LayerObj, type ModelObj, type TensorObj } from './records';

export type { CallSite, GraphNode, LayerObj, ModelObj, TensorObj } from './records';
export { layerBuilt, newLayerRecord, newTensor } from './records';

/**
 * A source range (0-based lines and columns, as tree-sitter gives them).
 * `imported` is set on a span taken while code of another workspace file
 * ran: the range is then the importing file's call that led there (Keras's
 * traceback and the recorded lines name the innermost frame of the file
 * being run), and `imported` the module whose code it was.
 */
export type Span = SourceSpan & { imported?: string };

/**
 * Where spans are taken: while code of an imported module runs on behalf of
 * the file (`python/modules.ts` sets and restores it), every span is the
 * file's own call that led there.
 */
export const spanContext: { anchor: Span | undefined } = { anchor: undefined };

export function spanOf(node: SyntaxNode): Span {
  return spanContext.anchor ?? node.span();
}

export interface FunctionObj {
  name: string;
  node: SyntaxNode;
  closure: Scope;
  /** Default values, evaluated at definition time. */
  defaults: Map<string, Value>;
  /** The class whose body defines it (for `super()`). */
  owner?: ClassObj;
}

export interface ClassObj {
  name: string;
  node: SyntaxNode;
  bases: Value[];
  methods: Map<string, FunctionObj>;
  attrs: Map<string, Value>;
  /** True when it derives from keras.Model / keras.layers.Layer. */
  kerasBase?: 'Model' | 'Layer';
  /** True when it derives from keras.Sequential, whose subclasses are not modelled (their rows are unknown). */
  sequentialBase?: boolean;
  /** The built-in layer class it derives from (`class MyConv(layers.Conv2D)`), if any. */
  layerBase?: string;
}

export interface InstanceObj {
  cls: ClassObj;
  attrs: Map<string, Value>;
  /** For keras.Model subclasses: the model record. */
  model?: ModelObj;
  /** For keras.layers.Layer subclasses: the layer record. */
  layer?: LayerObj;
  /** Weights made by `self.add_weight(...)`: shape (null if not known) and trainability. */
  ownWeights?: Array<{ shape: Shape | null; trainable: boolean | undefined }>;
  /** True once Keras has run its `build` (or the user set `self.built`). */
  built?: boolean;
  /** True once Keras's base `__init__` ran for it (`super().__init__()`, or the base's own when the class has none). */
  initialized?: boolean;
}

export type Value =
  | { kind: 'int'; value: number; numpy?: NumpyInt }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  /** `shape`: a tensor's shape (`x.shape`, `build`'s `input_shape`), whose length is the tensor's rank for sure. */
  /** `members`: made from a set (`tuple(s)`, `python/sets.ts`): its items are `slots`, standing for the set's items in an order not known. */
  | { kind: 'tuple'; items: Value[]; shape?: true; members?: SetMembers }
  /** `trackedBy`: a model holding this list as an attribute, whose layers grow with it (Keras's tracked lists). */
  /** `unsure`: changed in a way not followed (`extend` of an unknown iterable): its items are no longer known. */
  /** `members`: made from a set (`list(s)`), as a tuple's. */
  /** `sized`: a list a library returned, whose length the library fixes (`evaluate`'s loss and metrics). */
  | { kind: 'list'; items: Value[]; trackedBy?: ModelObj; unsure?: boolean; members?: SetMembers; sized?: true }
  /** `closed`: every key is known (a History's `history`), so a key it lacks is Python's KeyError. */
  | { kind: 'dict'; entries: Array<[Value, Value]>; closed?: true }
  /**
   * A set or frozenset (`python/sets.ts`): its distinct items in the order they were added, which is not
   * Python's iteration order. `unsure`: changed in a way not followed, its items no longer known.
   */
  | { kind: 'set'; items: Value[]; frozen?: true; unsure?: boolean }
  | { kind: 'unknown'; why?: string }
  /** A module, class or function of a library, by canonical dotted name. */
  /** A library symbol; `judged` when imported from `keras` itself (not `tensorflow.keras`), whose modules are known. */
  | { kind: 'ref'; qualname: string; judged?: boolean }
  /** The result of calling a library thing we only know by name (e.g. an optimizer). */
  /** `attrs`: attributes known of it (a History's `history`). */
  | { kind: 'object'; qualname: string; call?: LayerCall; attrs?: Array<[string, Value]> }
  | { kind: 'layer'; layer: LayerObj }
  | { kind: 'tensor'; tensor: TensorObj }
  | { kind: 'model'; model: ModelObj }
  /** A NumPy array (or eager tensor); `max` is its largest value where known (dataset labels). */
  | {
      kind: 'array';
      shape: Shape | null;
      max?: number;
      variable?: { trainable: boolean | undefined };
      /** Set for NumPy arrays of Python objects (a dataset's ragged sequences): Keras refuses them as data. */
      dtype?: 'object';
      /** A pandas DataFrame (2-D) or Series (1-D), or a frame's `.iloc` indexer: indexed as pandas indexes. */
      pandas?: 'frame' | 'series' | 'iloc';
      /** Its values, row-major, where the source gives every one (a literal integer array); an item read from it is a NumPy integer. */
      ints?: number[];
      /** Set when its values are integers not known one by one (`np.random.permutation(n)`): it indexes as indices do. */
      integer?: true;
    }
  | { kind: 'function'; fn: FunctionObj }
  | { kind: 'class'; cls: ClassObj }
  | { kind: 'instance'; inst: InstanceObj }
  | { kind: 'bound'; self: Value; fn: FunctionObj }
  /** `super()` inside a method of `cls`, bound to `self`. */
  | { kind: 'super'; self: Value; cls: ClassObj }
  /** A method of a library object, e.g. `model.add`, `layers.append`. */
  | { kind: 'method'; self: Value; name: string }
  /** A module of the workspace, imported and run (`python/modules.ts`). */
  | { kind: 'module'; module: ModuleObj }
  /** `functools.partial(fn, *args, **kwargs)`: calling it calls `fn` with these arguments first. */
  | { kind: 'partial'; fn: Value; args: Value[]; kwargs: Array<[string, Value]> };

/** A workspace module as its import made it: its globals, run once per program as Python's module cache does. */
export interface ModuleObj {
  /** The dotted name (`models.unet`). */
  name: string;
  /** The file it was read from, as the module source provider names it. */
  path: string;
  /** A package (`__init__.py`): its submodules are found in its folder. */
  isPackage: boolean;
  scope: Scope;
}

/** A set's items, for a list or tuple made from it: while its items are still `slots` (in any order), they are these. */
export interface SetMembers {
  items: Value[];
  slots: Value[];
}

export const UNKNOWN: Value = { kind: 'unknown' };

/**
 * A value a library defines: a library name (module, class, function), an
 * object a library call returned, a layer, a tensor, a model, an array. The
 * Python evaluator hands its attributes, calls, operators and indexing to
 * its host (`python/host.ts`).
 */
export function isLibraryValue(v: Value): boolean {
  switch (v.kind) {
    case 'ref':
    case 'object':
    case 'layer':
    case 'tensor':
    case 'model':
    case 'array':
      return true;
    default:
      return false;
  }
}

/** An instance of a class of the file that derives from a library class (a Keras layer or model): the library records it. */
export function isLibraryInstance(inst: InstanceObj): boolean {
  return inst.model !== undefined || inst.layer !== undefined;
}
export const NONE_V: Value = { kind: 'none' };

export function unknown(why: string): Value {
  return { kind: 'unknown', why };
}

/** The engine's view of an argument value: tensors and objects it cannot use become unknown. */
export function toPy(v: Value, depth = 0): PyValue {
  if (depth > 20) return { kind: 'unknown', why: 'too deep' };
  switch (v.kind) {
    case 'int':
    case 'float':
    case 'str':
    case 'bool':
    case 'none':
      return v;
    case 'tuple':
    case 'list':
      if (v.kind === 'list' && v.unsure) return { kind: 'unknown', why: 'a list changed in a way not followed' };
      return { kind: v.kind, items: v.items.map((x) => toPy(x, depth + 1)) };
    case 'dict':
      return {
        kind: 'dict',
        entries: v.entries.map(([k, x]) => [toPy(k, depth + 1), toPy(x, depth + 1)] as [PyValue, PyValue]),
      };
    case 'layer':
      return { kind: 'layer', call: v.layer.call, name: v.layer.name, built: layerBuilt(v.layer) };
    case 'ref':
      return { kind: 'object', qualname: v.qualname, called: false };
    case 'object':
      return { kind: 'object', qualname: v.qualname, called: true };
    case 'function':
    case 'bound':
      return { kind: 'object', qualname: 'user.function', called: false };
    default:
      return { kind: 'unknown', why: v.kind };
  }
}

/** A tensor's shape as Python sees it (`x.shape`): a tuple whose length is the rank for sure. */
export function shapeValue(shape: Shape): Value {
  return {
    kind: 'tuple',
    items: shape.map((d) => (d === null ? NONE_V : d === '?' ? UNKNOWN : { kind: 'int', value: d })),
    shape: true,
  };
}

/** A known int, or undefined. */
export function asInt(v: Value): number | undefined {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  return undefined;
}

/**
 * The items of an array whose values are known (`for u in np.array([64, 32])`, `a[1]`): NumPy integers of
 * a 1-D array, rows of a deeper one; undefined otherwise.
 */
export function knownArrayItems(v: Value): Value[] | undefined {
  if (v.kind !== 'array' || !v.ints || !v.shape || v.shape.length === 0) return undefined;
  return Array.from({ length: v.shape[0] as number }, (_, i) => knownArrayRow(v, i)!);
}

/** Item `i` (0-based, in range) of an array whose values are known, as `knownArrayItems` gives it. */
export function knownArrayRow(v: Value, i: number): Value | undefined {
  if (v.kind !== 'array' || !v.ints || !v.shape || v.shape.length === 0) return undefined;
  const rest = v.shape.slice(1) as number[];
  if (rest.length === 0) return { kind: 'int', value: v.ints[i], numpy: 'int64' };
  const size = rest.reduce((p, d) => p * d, 1);
  const ints = v.ints.slice(i * size, (i + 1) * size);
  return { kind: 'array', shape: rest, ints, max: Math.max(...ints) };
}

/**
 * How many values a walk over the items of `items` meets, shared items counted each time they appear,
 * stopping as soon as it passes `cap` (a list that contains itself passes it): every walk over a value
 * (printing, comparing, flattening a call's inputs) costs at most that.
 */
export function nestedSize(items: readonly Value[], cap: number): number {
  // Most displays hold no container (a shape, a layer's arguments): nothing to walk.
  if (!items.some((v) => v.kind === 'list' || v.kind === 'tuple' || v.kind === 'dict')) return items.length;
  let count = 0;
  const stack: Value[] = [...items];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (++count > cap) return count;
    if (v.kind === 'list' || v.kind === 'tuple') {
      if (count + v.items.length > cap) return cap + 1;
      for (const x of v.items) stack.push(x);
    } else if (v.kind === 'dict') {
      if (count + 2 * v.entries.length > cap) return cap + 1;
      for (const [k, x] of v.entries) stack.push(k, x);
    }
  }
  return count;
}

/** The items of a tuple or list, or undefined. */
export function asItems(v: Value): Value[] | undefined {
  return v.kind === 'tuple' || (v.kind === 'list' && !v.unsure) ? v.items : undefined;
}

/** A shape written in source (`(28, 28, 1)`, `[None, 20]`, `(784,)`, an int): dims, or null if not a shape. */
export function asShape(v: Value): Shape | null {
  if (v.kind === 'int') return [v.value];
  const items = asItems(v);
  if (!items) return null;
  return items.map((x) => (x.kind === 'int' ? x.value : x.kind === 'none' ? null : '?'));
}

/** The value of keyword `name` in a call's keywords (a loop: this runs on every layer construction). */
export function kwarg<V>(kwargs: ReadonlyArray<readonly [string, V]>, name: string): V | undefined {
  for (let i = 0; i < kwargs.length; i++) if (kwargs[i][0] === name) return kwargs[i][1];
  return undefined;
}

/** Whether keyword `name` was given. */
export function hasKwarg<V>(kwargs: ReadonlyArray<readonly [string, V]>, name: string): boolean {
  for (let i = 0; i < kwargs.length; i++) if (kwargs[i][0] === name) return true;
  return false;
}
