/**
 * Keras 3's training API as it meets Keras 2 code, from the signatures
 * recorded from Keras (`kerasTraining.json`, made by
 * `test/truth/keras-training/record.py`): a call of `fit`, `evaluate`,
 * `predict` or an `*_on_batch` method, or of a `keras.callbacks` class, is
 * bound as Python binds it (`nb_epoch=`, `workers=`, `period=` are Python's
 * TypeError; `evaluate` takes `**kwargs` and refuses them itself); the model
 * methods Keras 3 removed (`fit_generator`, `predict_classes`) are an
 * AttributeError where they are read; `ModelCheckpoint` checks its path as
 * its constructor does. These run before any data is looked at, as in Keras.
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { pyRepr } from '../python/strings';
import { kwarg, type Value } from '../values';
import type { KerasApi } from './api';
import record from './kerasTraining.json';

type Kwargs = Array<[string, Value]>;

interface Signature {
  qualname: string;
  params: Array<[string] | [string, unknown]>;
  /** How many parameters can be given by position (null with `*args`). */
  positional: number | null;
  var_keyword: boolean;
}

const METHODS = record.methods as unknown as Record<string, Signature>;
const UNBOUND = record.unbound as unknown as Record<string, Record<string, Signature>>;
const CALLBACKS = record.callbacks as unknown as Record<string, Signature>;
const REMOVED = new Set(record.removed_attributes);

/** A model method or attribute Keras 2 had and Keras 3's models lack. */
export function isRemovedModelAttribute(name: string): boolean {
  return REMOVED.has(name);
}

/** `'Sequential' object has no attribute 'fit_generator'`: the error reading a removed method raises. */
export function raiseRemovedAttribute(api: KerasApi, className: string, attr: string, node: SyntaxNode): Value {
  return api.interp.raise(errorOf('noAttribute', { type: className, attribute: attr }), node);
}

/** True when the call's own arguments include `*xs` or `**kw`: how many values it passes is then not known. */
export function hasSplat(node: SyntaxNode): boolean {
  const list = node.childForFieldName('arguments');
  if (!list) return true;
  return list.namedChildren.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat');
}

/**
 * Python's binding of a call to a recorded signature (CPython's order:
 * keywords, then the count of positional arguments, then the missing ones):
 * the raised error, or undefined when the call binds.
 */
/**
 * A method read from the class rather than from a model (`model = Sequential` without the call, then
 * `model.add(layer)`): Python binds the arguments with the first one as `self`. The raised error, or
 * undefined when they bind (what the method then does is not modelled).
 */
export function checkUnboundMethodCall(
  api: KerasApi,
  cls: string,
  method: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value | undefined {
  const sig = UNBOUND[cls]?.[method];
  return sig ? bind(api, sig, args, kwargs, node, 0) : undefined;
}

/** Binds a call as Python does; `self` (one more positional argument) is counted unless the signature lists it. */
function bind(
  api: KerasApi,
  sig: Signature,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
  implicitSelf = 1,
): Value | undefined {
  const fn = sig.qualname;
  const names = sig.params.map((p) => p[0]);
  const splat = hasSplat(node);
  const fail = (error: CheckedError) => api.interp.raise(error, node);
  const byPosition = sig.positional === null ? args.length : Math.min(args.length, sig.positional);
  for (const [k] of kwargs) {
    const i = names.indexOf(k);
    if (i < 0) {
      if (!sig.var_keyword) return fail(errorOf('unexpectedKeyword', { fn, name: k }));
    } else if (!splat && i < byPosition) return fail(errorOf('multipleValues', { fn, name: k }));
  }
  if (splat) return undefined;
  if (sig.positional !== null && args.length > sig.positional) {
    // Python counts `self` among a method's positional arguments.
    const required = sig.params.filter((p) => p.length === 1).length;
    const max = sig.positional + implicitSelf;
    const given = args.length + implicitSelf;
    return fail(
      required === sig.positional
        ? errorOf('tooManyPositional', { fn, takes: max, given })
        : errorOf('tooManyPositionalRange', { fn, min: required + implicitSelf, max, given }),
    );
  }
  const missing = sig.params
    .filter((p, i) => p.length === 1 && i >= args.length && !kwargs.some(([k]) => k === p[0]))
    .map((p) => p[0]);
  if (missing.length > 0) {
    return fail(errorOf('missingPositional', { fn, names: missing }));
  }
  return undefined;
}

/** The training method's arguments as Keras takes them; the raised error, or undefined. */
export function checkTrainingCall(
  api: KerasApi,
  method: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value | undefined {
  const sig = METHODS[method];
  if (!sig) return undefined;
  const raised = bind(api, sig, args, kwargs, node);
  if (raised || !sig.var_keyword) return raised;
  // `evaluate(**kwargs)` takes only its private `_use_cached_eval_dataset`.
  const names = new Set(sig.params.map((p) => p[0]));
  const rest = kwargs.filter(([k]) => !names.has(k) && k !== '_use_cached_eval_dataset');
  if (rest.length === 0 || hasSplat(node)) return undefined;
  const keywords = rest.map(([k, v]): [string, string | undefined] => [k, pyRepr(v) ?? undefined]);
  return api.interp.raise(errorOf('argumentsNotRecognized', { keywords }), node);
}

/** A call of a `keras.callbacks` class (canonical name); the raised error, or undefined when Keras constructs it. */
export function checkCallbackCall(
  api: KerasApi,
  qualname: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value | undefined {
  const cls = /^keras\.callbacks\.(\w+)$/.exec(qualname)?.[1];
  const sig = cls ? CALLBACKS[cls] : undefined;
  if (!sig) return undefined;
  const raised = bind(api, sig, args, kwargs, node);
  if (raised || cls !== 'ModelCheckpoint' || hasSplat(node)) return raised;
  const arg = (name: string) => {
    const i = sig.params.findIndex((p) => p[0] === name);
    return kwarg(kwargs, name) ?? args[i];
  };
  const problem = checkpointProblem(arg('filepath'), arg('save_weights_only'), arg('save_freq'));
  return problem ? api.interp.raise(problem, node) : undefined;
}

/** Python's truth of a value the source tells; undefined otherwise. */
function truth(v: Value | undefined): boolean | undefined {
  if (v === undefined || v.kind === 'none') return false;
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'int' || v.kind === 'float') return v.value !== 0;
  if (v.kind === 'str') return v.value !== '';
  return undefined;
}

/** `ModelCheckpoint.__init__`'s own checks, in its order: `save_freq`, then the file's extension for what it saves. */
function checkpointProblem(
  filepath: Value | undefined,
  weightsOnly: Value | undefined,
  saveFreq: Value | undefined,
): CheckedError | undefined {
  if (saveFreq?.kind === 'str' && saveFreq.value !== 'epoch')
    return errorOf('checkpointSaveFreq', { saveFreq: saveFreq.value });
  if (saveFreq && saveFreq.kind !== 'str' && saveFreq.kind !== 'int') return undefined;
  if (filepath?.kind !== 'str') return undefined;
  const path = filepath.value;
  const weights = truth(weightsOnly);
  if (weights === undefined) return undefined;
  if (weights && !path.endsWith('.weights.h5')) return errorOf('checkpointWeightsPath', { path });
  if (!weights && !path.endsWith('.keras') && !path.endsWith('.h5')) return errorOf('checkpointModelPath', { path });
  return undefined;
}
