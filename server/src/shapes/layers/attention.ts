/**
 * Attention layers (`keras/src/layers/attention/`): Attention and
 * AdditiveAttention here (called with one list, `[query, value]` or
 * `[query, value, key]`); MultiHeadAttention and GroupQueryAttention in
 * attentionMultiHead.ts (called with tensors positionally or by keyword).
 *
 * Attention and AdditiveAttention compute their output shape without
 * looking at the sizes: mismatched feature sizes are not an error when the
 * layer is called on symbolic inputs.
 */

import { truthy, type Args } from '../args';
import { cannotTell, raise } from '../errors';
import type { Shape } from '../shape';
import type { CallInputs } from '../tensors';
import type { CallResult, LayerRule, Weight } from '../rule';
import { pyTypeName, type PyValue } from '../values';
import { layerName } from '../naming';
import { recordedParams } from '../signatures';
import { makeWeight, pyIndex } from './corePy';
import { multiHeadRules } from './attentionMultiHead';

/** `Attention.__init__`: `dropout > 0` is evaluated first, then `score_mode` is checked. */
function constructAttention(a: Args): void {
  const dropout = a.known('dropout');
  if (!['int', 'float', 'bool'].includes(dropout.kind)) {
    raise('notOrderable', { op: '>', left: pyTypeName(dropout), right: 'int' });
  }
  const mode: PyValue = a.given('score_mode') ? a.known('score_mode') : { kind: 'str', value: 'dot' };
  if (mode.kind !== 'str' || (mode.value !== 'dot' && mode.value !== 'concat')) {
    raise('attentionScoreModeInvalid', { value: mode });
  }
}

/** `_validate_inputs`: a list of 2 or 3 tensors. */
function attentionInputs(className: string, inputs: CallInputs): Shape[] {
  const first = inputs.args[0] ?? inputs.kwargs['inputs'];
  if (first === undefined) raise('missingArgumentBind', { name: 'inputs' });
  if (first.kind === 'tensor') raise('attentionInputsNotAList', { className, shape: first.shape });
  if (first.kind !== 'list' || first.items.some((x) => x.kind !== 'tensor'))
    cannotTell(`${className}: inputs are not a list of tensors`);
  const shapes = first.items.map((x) => (x.kind === 'tensor' ? x.shape : []));
  if (shapes.length < 2 || shapes.length > 3) raise('attentionInputCount', { className, length: shapes.length });
  return shapes;
}

/** A call keyword's truth value (`return_attention_scores=True`); absent means False. */
export function callFlag(inputs: CallInputs, name: string): boolean {
  const v = inputs.kwargs[name];
  if (v === undefined) return false;
  if (v.kind !== 'value') return true;
  return truthy(v.value);
}

/** `compute_output_spec`: `(*query[:-1], value[-1])`, plus the scores `(*query[:-1], key[-2])` when asked. */
function attentionOutputs(shapes: Shape[], inputs: CallInputs, weights: Weight[]): CallResult {
  const [query, value] = shapes;
  const key = shapes[2] ?? value;
  const out = [...query.slice(0, -1), pyIndex(value, -1)];
  if (!callFlag(inputs, 'return_attention_scores')) return { outputs: [out], weights };
  const scores = [...query.slice(0, -1), pyIndex(key, -2)];
  return { outputs: [out, scores], single: false, weights };
}

const attention: LayerRule = {
  className: 'Attention',
  signature: recordedParams('Attention'),
  construct: (a) => constructAttention(a),
  call(a, inputs) {
    const shapes = attentionInputs('Attention', inputs);
    const weights: Weight[] = [];
    if (a.bool('use_scale')) weights.push(makeWeight(`${layerName(a)}/scale`, []));
    if (a.str('score_mode') === 'concat') weights.push(makeWeight(`${layerName(a)}/concat_score_weight`, []));
    return attentionOutputs(shapes, inputs, weights);
  },
};

const additiveAttention: LayerRule = {
  className: 'AdditiveAttention',
  signature: recordedParams('AdditiveAttention'),
  // `score_mode` and `seed` reach Attention.__init__ through **kwargs; `score_mode` is checked there but unused.
  construct: (a) => constructAttention(a),
  call(a, inputs) {
    const shapes = attentionInputs('AdditiveAttention', inputs);
    const dim = pyIndex(shapes[0], -1);
    const weights = a.bool('use_scale') ? [makeWeight(`${layerName(a)}/scale`, [dim])] : [];
    return attentionOutputs(shapes, inputs, weights);
  },
};

export const rules: LayerRule[] = [attention, additiveAttention, ...multiHeadRules];
