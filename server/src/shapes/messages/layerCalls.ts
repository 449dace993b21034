/**
 * Each Keras layer's class name and `call` signature, recorded from Keras
 * (`layerCalls.json`, made by `test/truth/layer-calls/record.py`), and the
 * frame Keras prints when an exception escapes that `call`: the arguments it
 * received, with the keywords `Layer.__call__` added on the way.
 */

import type { CallArg, CallInputs } from '../tensors';
import type { PyValue } from '../values';
import type { CallFrame, FrameArg } from './callFrame';
import record from './layerCalls.json';

type Param = [name: string, kind: string, defaultRepr: string | null];

const LAYERS = record.layers as unknown as Record<string, { class: string; module: string; call: Param[] }>;

/** `self.__class__.__name__` of a layer made by this public name (`AvgPool2D` -> `AveragePooling2D`). */
export function kerasClassOf(name: string): string {
  return LAYERS[name]?.class ?? name;
}

/** The parameter names of a layer's `call` after `self`, in order (empty for a class not recorded). */
export function kerasCallParams(name: string): string[] {
  return (LAYERS[name]?.call ?? []).map(([param]) => param);
}

/** Whether Keras has a layer class of this public name (a class of the user's file is not one). */
export function isKerasLayerClass(name: string): boolean {
  return LAYERS[name] !== undefined;
}

/** `cls.__module__` of a layer class (`keras.src.layers.core.dense`). */
export function kerasModuleOf(name: string): string {
  return LAYERS[name]?.module ?? 'keras.layers';
}

/**
 * The frame of a failing call on these inputs. Tensors are printed with
 * their `name` when the caller knows it, else with the names `keras.Input`
 * gives the first tensors of a session, in the order of the call's
 * arguments (`keras_tensor`, `keras_tensor_1`, ...); the dtype is float32
 * unless the caller says otherwise.
 */
export function callFrameOf(className: string, inputs: CallInputs): CallFrame {
  let made = 0;
  const frameArg = (a: CallArg): FrameArg => {
    if (a.kind === 'tensor') {
      const name = a.name ?? (made === 0 ? 'keras_tensor' : `keras_tensor_${made}`);
      made++;
      return { kind: 'tensor', shape: a.shape, dtype: a.dtype ?? 'float32', name };
    }
    if (a.kind === 'list') return { kind: 'list', items: a.items.map(frameArg) };
    return { kind: 'value', value: a.value };
  };
  const args = inputs.args.map(frameArg);
  const kwargs: Array<[string, FrameArg]> = Object.entries(inputs.kwargs).map(([k, v]) => [k, frameArg(v)]);
  const params = LAYERS[className]?.call ?? [];
  const names = params.map(([n]) => n);
  const given = new Set([...bound(params, inputs.args.length), ...Object.keys(inputs.kwargs)]);
  // `training`: the call's own value, else (at the top level) the signature's default, when not None.
  const training = params.find(([n]) => n === 'training');
  if (training && !given.has('training') && training[2] !== null && training[2] !== 'None') {
    kwargs.push(['training', { kind: 'value', value: pythonLiteral(training[2]) }]);
  }
  // `mask`: the masks of the tensor arguments (None for a fresh input), where `call` takes them.
  const tensorParams = names.filter((n, i) =>
    i < inputs.args.length ? isTensorArg(inputs.args[i]) : n in inputs.kwargs && isTensorArg(inputs.kwargs[n]),
  );
  const maskOf = (a: CallArg): FrameArg =>
    a.kind === 'list' ? { kind: 'list', items: a.items.map(maskOf) } : { kind: 'value', value: { kind: 'none' } };
  const argOf = (n: string): CallArg => {
    const i = names.indexOf(n);
    return i < inputs.args.length ? inputs.args[i] : inputs.kwargs[n];
  };
  if (tensorParams.length === 1 && names.includes('mask') && !given.has('mask')) {
    kwargs.push(['mask', maskOf(argOf(tensorParams[0]))]);
  } else if (tensorParams.length > 1) {
    for (const n of tensorParams) {
      if (names.includes(`${n}_mask`) && !given.has(`${n}_mask`)) kwargs.push([`${n}_mask`, maskOf(argOf(n))]);
    }
  }
  return { className: kerasClassOf(className), args, kwargs };
}

/** The names of the parameters the first `n` positional arguments bind to. */
function bound(params: Param[], n: number): string[] {
  const positional = params.filter(([, kind]) => kind === 'positional').map(([name]) => name);
  return positional.slice(0, n);
}

function isTensorArg(a: CallArg | undefined): boolean {
  if (!a) return false;
  if (a.kind === 'tensor') return true;
  return a.kind === 'list' && a.items.length > 0 && a.items.every(isTensorArg);
}

/** The Python value of a recorded default (`True`, `False`, a number). */
function pythonLiteral(text: string): PyValue {
  if (text === 'True' || text === 'False') return { kind: 'bool', value: text === 'True' };
  if (/^-?\d+$/.test(text)) return { kind: 'int', value: Number(text) };
  if (/^'.*'$/.test(text)) return { kind: 'str', value: text.slice(1, -1) };
  return { kind: 'unknown', why: text };
}
