/**
 * Facts about Keras's classes recorded from Keras (`kerasClasses.json`, made by
 * `test/truth/keras-classes/record.py`): `isinstance`, and the keywords some
 * constructors accept.
 *
 * `isinstance` against Keras's classes. Which public classes a Keras object
 * is an instance of is recorded from Keras itself (`kerasClasses.json`, made by
 * `test/truth/keras-classes/record.py` from each class's MRO): SpatialDropout2D
 * is a Dropout, LSTM an RNN, a Sequential a Model. User classes are followed
 * through their bases; anything else is unknown.
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import record from './kerasClasses.json';
import type { ClassObj, Value } from '../values';
import { canonicalName } from './names';

/** Canonical names of the classes each recorded class is an instance of, keyed by canonical name. */
const ANCESTORS = new Map<string, Set<string>>(
  Object.entries(record.classes as Record<string, string[]>).map(([name, ancestors]) => [
    canonicalName(name.includes('.') ? name : `keras.layers.${name}`),
    new Set(ancestors.map(canonicalName)),
  ]),
);

/** True when `target` is a Keras class this module knows (so an answer about it can be given). */
function isRecorded(target: string): boolean {
  return ANCESTORS.has(target);
}

/** Is an instance of the Keras class `cls` (canonical name) an instance of `target`? Undefined when not recorded. */
function kerasClassIsA(cls: string, target: string): boolean | undefined {
  const ancestors = ANCESTORS.get(cls);
  return ancestors && isRecorded(target) ? ancestors.has(target) : undefined;
}

/** Is a user class `cls`, or one of its bases, the class `target`? Undefined where a base is not known. */
function userClassIsA(cls: ClassObj, target: Value): boolean | undefined {
  if (target.kind === 'class' && target.cls === cls) return true;
  let unsure = false;
  for (const base of cls.bases) {
    let hit: boolean | undefined;
    if (base.kind === 'class') hit = userClassIsA(base.cls, target);
    else if (base.kind === 'ref' && target.kind === 'ref')
      hit = kerasClassIsA(canonicalName(base.qualname), target.qualname);
    else if (base.kind === 'ref' && target.kind === 'class') hit = false; // a library class is not a user's class
    if (hit === true) return true;
    if (hit === undefined) unsure = true;
  }
  return unsure ? undefined : false;
}

/**
 * `isinstance(value, target)` for a Keras object or an instance of a user
 * class, against one class (a Keras class reference or a user class).
 * Undefined when it cannot be told.
 */
export function kerasIsInstance(value: Value, target: Value): boolean | undefined {
  if (target.kind !== 'ref' && target.kind !== 'class') return undefined;
  const targetName = target.kind === 'ref' ? canonicalName(target.qualname) : undefined;
  const asTarget: Value = target.kind === 'ref' ? { kind: 'ref', qualname: targetName! } : target;
  const instance = value.kind === 'instance' ? value.inst : value.kind === 'layer' ? value.layer.instance : undefined;
  if (instance) return userClassIsA(instance.cls, asTarget);
  let cls: string | undefined;
  if (value.kind === 'layer') cls = `keras.layers.${value.layer.className}`;
  else if (value.kind === 'model' && (value.model.kind === 'Sequential' || value.model.kind === 'Functional'))
    cls = `keras.${value.model.kind}`;
  if (!cls) return undefined;
  // A built-in Keras object is never an instance of a class the file defines.
  if (target.kind === 'class') return ANCESTORS.has(canonicalName(cls)) ? false : undefined;
  return kerasClassIsA(canonicalName(cls), targetName!);
}

const SIGNATURES = record.signatures as Record<string, string[] | null>;

/**
 * The TypeError Python raises for a keyword the constructor of `qualname`
 * (canonical; a loss or metric class, keras.Sequential) does not take, or
 * undefined. A constructor that takes `**kwargs`, or one not recorded, lets every keyword through.
 */
export function unexpectedKeyword(qualname: string, keywords: string[]): CheckedError | undefined {
  const accepted = SIGNATURES[qualname];
  if (!accepted) return undefined;
  const bad = keywords.find((k) => !accepted.includes(k));
  return bad === undefined
    ? undefined
    : errorOf('unexpectedKeyword', { fn: `${qualname.split('.').pop()}.__init__`, name: bad });
}

/**
 * True when the class derives from `keras.Model` itself through classes of the
 * file only (no other library class that could bring a `call`), so that what
 * it lacks, Keras's `Model` lacks too.
 */
export function plainKerasModelClass(cls: ClassObj, depth = 0): boolean {
  if (depth > 20 || cls.bases.length === 0) return false;
  let reachesModel = false;
  for (const b of cls.bases) {
    if (b.kind === 'ref' && canonicalName(b.qualname) === 'keras.Model') reachesModel = true;
    else if (b.kind === 'class' && b.cls.kerasBase === 'Model') {
      if (!plainKerasModelClass(b.cls, depth + 1)) return false;
      reachesModel = true;
    } else if (!(b.kind === 'class' && !b.cls.kerasBase && b.cls.bases.length === 0)) return false; // only a plain mixin of the file's
  }
  return reachesModel;
}
