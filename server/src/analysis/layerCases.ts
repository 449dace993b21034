/**
 * Single-layer truth cases (the `keras-truth/layers.jsonl` format): read the
 * case's Python constructor expression like any other source, run it through
 * the engine, and compare with what Keras recorded.
 */

import { callLayer, type Called } from '../shapes/engine';
import { evaluateLayerExpression } from '../interpret';
import { toAst } from '../syntax/treeCopy';
import type { Shape } from '../shapes/shape';
import { listArg, singleTensorCall, tensorArg, type CallInputs } from '../shapes/tensors';
import type { PythonParser } from '../syntax/parser';

export interface LayerCase {
  id: string;
  layer: string;
  code: string;
  input_shape?: Shape;
  input_shapes?: Shape[];
  output_shape?: Shape | Shape[];
  params?: number;
  trainable_params?: number;
  non_trainable_params?: number;
  error?: { stage: string; type: string; message: string };
}

/** What the engine said about one case, in the truth file's terms. */
export interface CaseAnswer {
  outcome: 'ok' | 'error' | 'unknown';
  stage?: 'construct' | 'call';
  message?: string;
  output_shape?: Shape | Shape[];
  params?: number | null;
  trainable_params?: number | null;
  non_trainable_params?: number | null;
}

export interface CaseVerdict {
  outcome: boolean;
  shape: boolean;
  params: boolean;
  /** Where Keras raised: the same stage (`construct` / `call`) and the same message (see `sameMessage`). */
  stage: boolean;
  message: boolean;
}

/** How the truth recorder stores a message: `str(e)` stripped, cut to this many characters. */
const RECORDED_LENGTH = 400;

/**
 * True when the engine's message is the one Keras recorded. The recorder
 * stripped the message and cut it to 400 characters, so the engine's is
 * taken the same way; a memory address in an object's repr (`<... at
 * 0x7f3a...>`) differs from run to run and is the only part not compared.
 */
export function sameMessage(recorded: string, ours: string): boolean {
  const address = / at 0x[0-9a-f]+>/g;
  const norm = (m: string) => m.replace(address, ' at 0x…>');
  return norm(ours.trim().slice(0, RECORDED_LENGTH)) === norm(recorded);
}

/** Classes the truth calls with one list argument, `layer([a, b])`; MHA-style ones get positional tensors. */
const LIST_CALLED = new Set([
  'Concatenate',
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'Dot',
  'Attention',
  'AdditiveAttention',
]);

export function callInputsFor(c: LayerCase): CallInputs {
  if (c.input_shapes) {
    if (LIST_CALLED.has(c.layer)) return { args: [listArg(c.input_shapes)], kwargs: {} };
    return { args: c.input_shapes.map(tensorArg), kwargs: {} };
  }
  return singleTensorCall(c.input_shape ?? []);
}

export function answerCase(c: LayerCase, parser: PythonParser): CaseAnswer {
  const tree = parser.parse(c.code);
  try {
    // The case's code is read like any other source, after `from keras import layers`.
    const module = toAst(tree, c.code);
    const expr = module.namedChildren.find((n) => n.type === 'expression_statement')?.namedChildren[0];
    const made = evaluateLayerExpression(expr);
    if (made.status === 'unknown') return { outcome: 'unknown', message: made.reason };
    if (made.status === 'error') return { outcome: 'error', stage: 'construct', message: made.error.message };
    return fromCalled(callLayer(made.layer, callInputsFor(c)));
  } finally {
    tree.delete();
  }
}

function fromCalled(r: Called): CaseAnswer {
  if (r.status === 'unknown') return { outcome: 'unknown', message: r.reason };
  if (r.status === 'error') return { outcome: 'error', stage: 'call', message: r.error.message };
  return {
    outcome: 'ok',
    output_shape: r.single ? r.outputs[0] : r.outputs,
    params: r.params.total,
    trainable_params: r.params.trainable,
    non_trainable_params: r.params.nonTrainable,
  };
}

export function judge(c: LayerCase, a: CaseAnswer): CaseVerdict {
  if (c.error) {
    const agree = a.outcome === 'error';
    return {
      outcome: agree,
      shape: agree,
      params: agree,
      stage: agree && a.stage === c.error.stage,
      message: agree && sameMessage(c.error.message, a.message ?? ''),
    };
  }
  const ok = a.outcome === 'ok';
  return {
    stage: ok,
    message: ok,
    outcome: ok,
    shape: ok && JSON.stringify(a.output_shape) === JSON.stringify(c.output_shape),
    params:
      ok &&
      a.params === c.params &&
      a.trainable_params === c.trainable_params &&
      a.non_trainable_params === c.non_trainable_params,
  };
}

/** The truth's side of a case, in the same terms as `CaseAnswer`, for reports. */
export function expectedOf(c: LayerCase): CaseAnswer {
  if (c.error) return { outcome: 'error', stage: c.error.stage as 'construct' | 'call', message: c.error.message };
  return {
    outcome: 'ok',
    output_shape: c.output_shape,
    params: c.params,
    trainable_params: c.trainable_params,
    non_trainable_params: c.non_trainable_params,
  };
}
