/**
 * A subclassed model called on arrays (`model(images)`): its `call` runs
 * eagerly, and an error that escapes it is rewritten as Keras's
 * `inject_argument_info_in_traceback` rewrites it: the class's `call()`, the
 * original text in bold, and each argument the call received, an array
 * printed as JAX prints its repr. Only calls whose parameters are plain
 * names each given an array are rewritten; others keep the inner text.
 */

import type { Shape } from '../../shapes/shape';
import { formatShape } from '../../shapes/shape';
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

/** `jnp.ndarray(shape=(6, 28, 28), dtype=float32)`: how Keras prints a JAX array argument. */
function arrayArgument(shape: Shape): string {
  return `jnp.ndarray(shape=${formatShape(shape)}, dtype=float32)`;
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
    const name = `${model.instance!.cls.name}.call()`;
    const received = names.map((n, i) => `  • ${n}=${arrayArgument(shapes[i])}`).join('\n');
    const message = `Exception encountered when calling ${name}.\n\n\x1b[1m${e.message}\x1b[0m\n\nArguments received by ${name}:\n${received}`;
    throw new PyRaise(e.pyType, message, e.span, e.check);
  }
}
