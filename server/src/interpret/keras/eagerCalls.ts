/**
 * A subclassed model called on arrays (`model(images)`): its `call` runs
 * eagerly, and an error that escapes it is rewritten as Keras's
 * `inject_argument_info_in_traceback` rewrites it: the class's `call()`, the
 * original text in bold, and each argument the call received, an array
 * printed as JAX prints its repr. Only calls whose parameters are plain
 * names each given an array are rewritten; others keep the inner text.
 */

import type { Shape } from '../../shapes/shape';
import { errorOf } from '../../shapes/errors';
import { findMethod } from '../python/objects';
import { PyRaise } from '../python/signals';
import type { ModelObj, Value } from '../values';
import type { KerasApi } from './api';
import { callSubclassed } from './subclass';

type Kwargs = Array<[string, Value]>;

/** The names of `call`'s parameters after `self`, when every one is a plain name; else undefined. */
function plainParameters(model: ModelObj): string[] | undefined {
  const fn = model.instance && findMethod(model.instance.cls, 'call');
  const params = fn?.node.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment');
  if (!params || !params.every((p) => p.type === 'identifier')) return undefined;
  return params.slice(1).map((p) => p.text);
}

export function callSubclassedOnData(api: KerasApi, model: ModelObj, args: Value[], kwargs: Kwargs): Value {
  try {
    return callSubclassed(api, model, args, kwargs);
  } catch (e) {
    const names = plainParameters(model);
    const shapes = args.map((a) => (a.kind === 'array' ? a.shape : null));
    if (
      !(e instanceof PyRaise) ||
      !names ||
      kwargs.length > 0 ||
      names.length !== args.length ||
      !shapes.every((s): s is Shape => !!s && s.every((d) => typeof d === 'number'))
    )
      throw e;
    const inner = { pyType: e.pyType, message: e.message, kind: e.check.kind, data: e.check.data };
    const received = names.map((n, i): [string, Shape] => [n, shapes[i]]);
    throw new PyRaise(errorOf('subclassCall', { inner, className: model.instance!.cls.name, args: received }), e.span);
  }
}
