/**
 * A file's layer or model whose `__init__` never ran Keras's (`super().__init__()` left out): the object
 * lacks what `Layer.__init__` and `Model.__init__` set, so a model's methods fail on the first attribute
 * they read, and calling it fails `_check_super_called`. What each method and attribute raises is recorded
 * from Keras (`uninitialisedModels.json`, by `test/truth/uninitialised-models/record.py`).
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import type { ClassObj, InstanceObj } from '../values';
import recorded from './uninitialisedModels.json';

type Outcome = { type: string; message: string } | null;
const METHODS = recorded.methods as Record<string, Outcome>;
const ATTRIBUTES = recorded.attributes as Record<string, Outcome>;

/**
 * Whether an `__init__` of the class or of its bases in the file could call another `__init__` (any
 * `__init__` in its text: `super().__init__()`, `layers.Layer.__init__(self)`), or a method of its own
 * that may (`self._setup()`): only a class whose constructors do none of these surely never ran Keras's.
 */
export function initCalledInSource(cls: ClassObj, depth = 0): boolean {
  const init = cls.methods.get('__init__');
  if (!init) return cls.bases.some((b) => b.kind === 'class' && depth < 20 && initCalledInSource(b.cls, depth + 1));
  const body = init.node.childForFieldName('body');
  return !body || /__init__|super\s*\(|self\s*\.\s*\w+\s*\(/.test(body.text);
}

/** Whether the instance surely never ran Keras's `__init__`. */
export function neverInitialised(inst: InstanceObj): boolean {
  return !inst.initialized && !initCalledInSource(inst.cls);
}

function errorOfOutcome(outcome: Outcome, className: string): CheckedError | undefined {
  if (!outcome) return undefined;
  if (outcome.type === 'RuntimeError') return errorOf('layerSuperInitMissing', { className });
  const attr = /has no attribute '(\w+)'/.exec(outcome.message)?.[1];
  return attr ? errorOf('objectHasNoAttribute', { className, attr }) : undefined;
}

/** What `model.NAME(...)` raises on a model that never ran Keras's `__init__`; undefined for a method not recorded. */
export function uninitialisedMethodError(inst: InstanceObj, name: string): CheckedError | undefined {
  return Object.hasOwn(METHODS, name) ? errorOfOutcome(METHODS[name], inst.cls.name) : undefined;
}

/** What reading `model.NAME` raises on a model that never ran Keras's `__init__`; undefined where it does not. */
export function uninitialisedAttributeError(inst: InstanceObj, name: string): CheckedError | undefined {
  return Object.hasOwn(ATTRIBUTES, name) ? errorOfOutcome(ATTRIBUTES[name], inst.cls.name) : undefined;
}
