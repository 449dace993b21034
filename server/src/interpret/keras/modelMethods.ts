/**
 * Methods of Keras models the analysis follows: `add`, `pop`, `build`
 * (a Sequential rebuilds), `compile` (its keywords, optimizer and metrics
 * checked as Keras checks them), `quantize`, `get_layer`.
 */

import { errorOf } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asShape, kwarg, type ModelObj, NONE_V, spanOf, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';
import { surelyNotCompiled } from './compileCheck';
import { callUserLosses, checkModelData, isDataMethod } from './dataChecks';
import { recordDataCall } from './dataRecords';
import { plainKerasModelClass } from './kerasClasses';
import { canonicalName } from './names';
import { isOptimizerName, OPTIMIZER_NAMES } from './optimizers';
import { quantizeMode, quantizeModel } from './quantize';
import { modelLayers } from './records';
import { saveModel, saveWeights } from './saving';
import { sequentialAdd, sequentialRebuild } from './sequential';
import { checkTrainingCall, hasSplat } from './trainingApi';
import { trainingResult } from './trainingResults';
import { neverInitialised, uninitialisedMethodError } from './uninitialised';

export const COMPILE_KEYWORDS = new Set([
  'optimizer',
  'loss',
  'loss_weights',
  'metrics',
  'weighted_metrics',
  'run_eagerly',
  'steps_per_execution',
  'jit_compile',
  'auto_scale_loss',
]);

export function modelMethod(
  api: KerasApi,
  model: ModelObj,
  name: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  // A model of the file's class whose `__init__` never ran Keras's fails on the first attribute the method reads.
  if (model.instance && neverInitialised(model.instance)) {
    const refused = uninitialisedMethodError(model.instance, name);
    if (refused) return api.interp.raise(refused, node);
  }
  switch (name) {
    case 'add':
      if (model.kind === 'Sequential') sequentialAdd(api, model, args[0] ?? kwargs[0]?.[1] ?? UNKNOWN, node, true);
      return NONE_V;
    case 'pop': {
      const last = model.layers.pop();
      sequentialRebuild(api, model, node);
      return last ? { kind: 'layer', layer: last } : NONE_V;
    }
    case 'build': {
      const s = args[0] ?? kwarg(kwargs, 'input_shape');
      const shape = s ? asShape(s) : null;
      if (shape && model.kind === 'Sequential') {
        model.inputShape = shape;
        sequentialRebuild(api, model, node);
      }
      return NONE_V;
    }
    case 'quantize':
      quantizeModel(modelLayers(model), quantizeMode(args, kwargs));
      return NONE_V;
    case 'compile': {
      // Keras's own `compile` takes these keywords only (Keras 2's `lr=` there raises).
      const unexpected = kwargs.find(([k]) => !COMPILE_KEYWORDS.has(k));
      if (unexpected)
        return api.interp.raise(errorOf('unexpectedKeyword', { fn: 'Trainer.compile', name: unexpected[0] }), node);
      const optimizer = kwarg(kwargs, 'optimizer') ?? args[0];
      if (optimizer?.kind === 'str' && !isOptimizerName(optimizer.value)) {
        return api.interp.raise(
          errorOf('optimizerIdentifier', { identifier: optimizer.value, known: OPTIMIZER_NAMES }),
          node,
        );
      }
      // A single metric must still come in a list (or tuple, or dict).
      for (const [key, position] of [
        ['metrics', 3],
        ['weighted_metrics', 4],
      ] as const) {
        const m = kwarg(kwargs, key) ?? args[position];
        const single =
          m &&
          ((m.kind === 'str' && m.value !== '') ||
            (m.kind === 'object' && /^keras\.metrics\.[A-Z]/.test(canonicalName(m.qualname))));
        if (single) {
          const cls = m.kind === 'str' ? 'str' : canonicalName(m.qualname).split('.').pop()!;
          const str = m.kind === 'str' ? m.value : undefined;
          return api.interp.raise(errorOf('metricsNotList', { key, cls, str }), node);
        }
      }
      model.compiled = {
        loss: kwarg(kwargs, 'loss') ?? args[1],
        metrics: kwarg(kwargs, 'metrics') ?? args[3],
        spanOfCompile: spanOf(node),
      };
      return NONE_V;
    }
    case 'get_layer': {
      const key = args[0] ?? kwargs[0]?.[1];
      const l =
        key?.kind === 'str'
          ? model.layers.find((x) => x.name === key.value)
          : key?.kind === 'int'
            ? model.layers[key.value]
            : undefined;
      return l ? { kind: 'layer', layer: l } : UNKNOWN;
    }
    case '__call__':
      return UNKNOWN;
    case 'save':
    case 'save_weights':
      // A class of the file with another library base may bring its own.
      if (model.instance && !plainKerasModelClass(model.instance.cls)) return UNKNOWN;
      return name === 'save' ? saveModel(api, args, kwargs, node, model) : saveWeights(api, args, kwargs, node);
    default:
      if (isDataMethod(name)) {
        // Training and prediction build the model symbolically, making KerasTensors not counted here.
        api.tensorsCounted = false;
        recordDataCall(api.dataCalls, model, name, args, kwargs, node, !name.startsWith('predict'));
        return (
          // A class of the file with another library base may bring its own `fit`.
          (!model.instance || plainKerasModelClass(model.instance.cls)
            ? (checkTrainingCall(api, name, args, kwargs, node) ??
              (surelyNotCompiled(api.program, model, name)
                ? api.interp.raise(errorOf('compileNotCalled', {}), node)
                : undefined))
            : undefined) ??
          checkModelData(api, model, name, args, kwargs, node) ??
          (callUserLosses(api, model, name, node), trainingResult(model, name, args, kwargs, hasSplat(node)))
        );
      }
      return UNKNOWN;
  }
}
