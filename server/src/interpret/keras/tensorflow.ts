/**
 * TensorFlow's own functions (`tf.expand_dims`, `tf.concat`, `tf.math.not_equal`, ...) on Keras's symbolic
 * tensors: a KerasTensor refuses to become a TensorFlow tensor (`KerasTensor.__tf_tensor__`), so a function
 * that converts its argument raises Keras's ValueError. Which functions convert a tensor given first, or a
 * list of tensors given first, is recorded (`tfKerasTensorArgs.json`, by `test/truth/tf-keras-tensors/`).
 * Only in the file's own graph building: inside a traced `call` the tensors are TensorFlow's. Anything else
 * a TensorFlow function does is not modelled (unknown).
 */

import { errorOf } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asItems, type Value } from '../values';
import type { KerasApi } from './api';
import recorded from './tfKerasTensorArgs.json';

const TENSOR_FIRST: ReadonlySet<string> = new Set(recorded.first);
const TENSOR_LIST: ReadonlySet<string> = new Set(recorded.list);

/** A call of `tensorflow.PATH` (canonical name): Keras's error where it refuses its argument, else undefined. */
export function callTensorflow(api: KerasApi, q: string, args: Value[], node: SyntaxNode): Value | undefined {
  const a = args[0];
  if (api.tracing > 0 || !a || !q.startsWith('tensorflow.')) return undefined;
  const path = q.slice('tensorflow.'.length);
  const items = a.kind === 'list' || a.kind === 'tuple' ? asItems(a) : undefined;
  const refuses =
    a.kind === 'tensor'
      ? TENSOR_FIRST.has(path)
      : !!items && items.length > 0 && items.every((x) => x.kind === 'tensor') && TENSOR_LIST.has(path);
  return refuses ? api.interp.raise(errorOf('kerasTensorToTensorflow', {}), node) : undefined;
}
