/**
 * What `Layer.__call__` does with its positional arguments before anything
 * else: array leaves (NumPy arrays, NumPy scalars) become tensors, lists and
 * tuples are walked as structure, and a class that keeps Keras's defaults
 * refuses any other leaf but `None` ("Only input tensors may be passed as
 * positional arguments"). Which classes keep the defaults is recorded from
 * Keras (`layerInputArgs.json`, `test/truth/layer-input-args/record.py`);
 * the others (preprocessing layers) read Python data in their own `call`,
 * which is not modelled: a plain leaf there makes the call unknown, never an
 * error.
 */

import { cannotTell, raise } from './errors';
import facts from './layerInputArgs.json';
import { isKerasLayerClass } from './messages/layerCalls';
import type { CallArg } from './tensors';
import type { PyValue } from './values';

const STRICT: ReadonlySet<string> = new Set(facts.strict);

/** Raises Keras's error for a plain Python leaf given positionally, or says the call cannot be told. */
export function checkPositionalArgs(className: string, args: CallArg[]): void {
  for (const arg of args) walkArg(className, arg);
}

function walkArg(className: string, arg: CallArg): void {
  if (arg.kind === 'tensor') return;
  if (arg.kind === 'list') {
    for (const item of arg.items) walkArg(className, item);
    return;
  }
  walkValue(className, arg.value);
}

function walkValue(className: string, v: PyValue): void {
  switch (v.kind) {
    case 'none':
      return;
    case 'list':
    case 'tuple':
      for (const item of v.items) walkValue(className, item);
      return;
    case 'int':
      // A NumPy scalar has `__array__`: Keras converts it to a tensor.
      if (v.numpy) cannotTell('a NumPy scalar as a layer input');
      return plainLeaf(className, v);
    case 'float':
    case 'str':
    case 'bool':
      return plainLeaf(className, v);
    case 'layer':
      // A Keras layer object is no tensor (`layer(layers.InputLayer(...))`); a class of the file may define more.
      if (!isKerasLayerClass(v.call.className)) cannotTell('an object of a class of the file');
      return plainLeaf(className, v);
    default:
      // A dict is flattened in key order, an object may be a tensor: which leaf comes first is not known.
      cannotTell('a positional argument that may or may not be a tensor');
  }
}

function plainLeaf(className: string, v: PyValue): never {
  if (STRICT.has(className)) raise('nonTensorPositionalArg', { value: v });
  cannotTell(`${className} reads Python data in its own call`);
}
