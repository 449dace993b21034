/**
 * Saving a model, checked as Keras 3 checks it: `model.save(path)` and `keras.saving.save_model(model, path)`
 * refuse Keras 2's `save_format=` and SavedModel folders, and `model.save_weights(path)` wants a
 * `*.weights.h5` name. Loading is not followed: `load_model` deserialises with name counters of its own
 * (Keras makes and names tensors and inner models while it rebuilds), so what it gives stays unknown.
 */

import { errorOf } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { isTruthy } from '../python/builtins';
import { kwarg, NONE_V, toPy, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';
import { hasSplat } from './trainingApi';

type Kwargs = Array<[string, Value]>;

/** `save(filepath, overwrite=True, zipped=None, **kwargs)`, the model's own arguments after the model. */
export function saveModel(api: KerasApi, args: Value[], kwargs: Kwargs, node: SyntaxNode): Value {
  // `*args` or `**kwargs` in the call may hold any of them.
  if (hasSplat(node)) return UNKNOWN;
  const filepath = args[0] ?? kwarg(kwargs, 'filepath');
  const zipped = args[2] ?? kwarg(kwargs, 'zipped');
  const path = filepath?.kind === 'str' ? filepath.value : undefined;
  const rest = kwargs.filter(([k]) => !['filepath', 'overwrite', 'zipped', 'include_optimizer'].includes(k));
  const saveFormat = kwarg(rest, 'save_format');
  if (saveFormat) {
    const given = isTruthy(saveFormat);
    if (given === undefined || (given && path === undefined)) return UNKNOWN;
    if (given && !/\.(h5|hdf5|keras)$/.test(path!))
      return api.interp.raise(errorOf('saveFormatRemoved', { saveFormat: toPy(saveFormat) }), node);
  }
  const others = rest.filter(([k]) => k !== 'save_format');
  if (others.length > 0)
    return api.interp.raise(errorOf('saveArgumentsNotSupported', { names: others.map(([k]) => k) }), node);
  if (path === undefined) return UNKNOWN;
  // `zipped=None` means zipped, except on the Hugging Face hub.
  const zip = zipped === undefined || zipped.kind === 'none' ? !path.startsWith('hf://') : isTruthy(zipped);
  if (zip === undefined) return UNKNOWN;
  if (zip && !path.endsWith('.keras') && !/\.(h5|hdf5)$/.test(path))
    return api.interp.raise(errorOf('saveFilepathExtension', { filepath: path }), node);
  return NONE_V;
}

/** `save_weights(filepath, overwrite=True, max_shard_size=None)`: the file name Keras 3 wants. */
export function saveWeights(api: KerasApi, args: Value[], kwargs: Kwargs, node: SyntaxNode): Value {
  if (hasSplat(node)) return UNKNOWN;
  const filepath = args[0] ?? kwarg(kwargs, 'filepath');
  const shard = args[2] ?? kwarg(kwargs, 'max_shard_size');
  if (filepath?.kind !== 'str' || (shard && shard.kind !== 'none')) return UNKNOWN;
  if (!filepath.value.endsWith('.weights.h5'))
    return api.interp.raise(errorOf('saveWeightsFilename', { filepath: filepath.value }), node);
  return NONE_V;
}
