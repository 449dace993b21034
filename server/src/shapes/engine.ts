/**
 * The shape engine's public face: construct a layer, call it on shapes.
 *
 * Pure functions of plain data. Every answer is a value: a result, a Keras
 * error, or "unknown" (an unknown class, an argument the source does not
 * tell, or a rule's own failure). Nothing here throws on user input.
 */

import { bindArgs, DEFAULT_OPTIONS, type EngineOptions } from './args';
import { lookupRule } from './catalog';
import { CannotTell, KerasError } from './errors';
import type { MessageKind } from './messages';
import { callFrameText, type CallFrame } from './messages/callFrame';
import { callFrameOf } from './messages/layerCalls';
import { quantizationOf } from './dtypePolicy';
import { checkIdentifierArgs } from './identifiers';
import { checkPositionalArgs } from './positionalArgs';
import { layerSignature } from './signatures';
import type { CallResult, ConstructedLayer, RuleContext, Weight } from './rule';
import type { Shape } from './shape';
import type { CallInputs } from './tensors';
import type { LayerCall } from './values';

export interface EngineError {
  /** The Python exception class Keras raises. */
  pyType: string;
  /** Keras's message, word for word. */
  message: string;
  /** The Keras check that failed (`messages/`). */
  kind: MessageKind;
  /** The check's values, as its message prints them (see the kind's entry for their shape). */
  data: object;
  /** Raised inside the layer's `call`: Keras's message then lists the call's arguments, `frame`. */
  inCall?: boolean;
  frame?: CallFrame;
}

export interface ParamCounts {
  /** `null` where a weight's size depends on a dimension the source does not tell. */
  total: number | null;
  trainable: number | null;
  nonTrainable: number | null;
}

export type Constructed =
  | { status: 'ok'; layer: ConstructedLayer }
  | { status: 'error'; error: EngineError }
  | { status: 'unknown'; reason: string };

export type Called =
  | { status: 'ok'; outputs: Shape[]; single: boolean; weights: Weight[]; params: ParamCounts }
  | { status: 'error'; error: EngineError }
  | { status: 'unknown'; reason: string };

/**
 * Answers are memoised: the engine is a pure function of plain data, and the
 * language server asks the same questions again after every keystroke.
 * Results are shared, so callers must not mutate them.
 */
const MEMO_LIMIT = 50_000;
const constructMemo = new Map<string, Constructed>();
const callMemo = new Map<string, Called>();
const memoKeys = new WeakMap<ConstructedLayer, string>();

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Constructs a layer from its class name and evaluated arguments. */
export function constructLayer(call: LayerCall, options: EngineOptions = DEFAULT_OPTIONS): Constructed {
  const key = `${options.imageDataFormat}\u0000${JSON.stringify(call)}`;
  const hit = constructMemo.get(key);
  if (hit) return hit;
  const made: Constructed = guard(() => ({ status: 'ok', layer: constructOrRaise(call, makeContext(options)) }));
  if (made.status === 'ok') memoKeys.set(made.layer, key);
  return remember(constructMemo, key, made);
}

/** Calls a constructed layer on input shapes: output shapes, weights and parameter counts. */
export function callLayer(
  layer: ConstructedLayer,
  inputs: CallInputs,
  options: EngineOptions = DEFAULT_OPTIONS,
): Called {
  const layerKey = memoKeys.get(layer);
  const key =
    layerKey === undefined ? undefined : `${layerKey}\u0000${options.imageDataFormat}\u0000${inputsKey(inputs)}`;
  const hit = key === undefined ? undefined : callMemo.get(key);
  if (hit) return hit;
  const called = callUncached(layer, inputs, options);
  return key === undefined ? called : remember(callMemo, key, called);
}

/** A key for call inputs; the usual positional tensors get a short one. */
function inputsKey(inputs: CallInputs): string {
  if (
    Object.keys(inputs.kwargs).length === 0 &&
    inputs.args.every((a) => a.kind === 'tensor' && a.name === undefined && a.dtype === undefined)
  ) {
    return inputs.args.map((a) => (a as { shape: unknown[] }).shape.join(',')).join(';');
  }
  return JSON.stringify(inputs);
}

function callUncached(layer: ConstructedLayer, inputs: CallInputs, options: EngineOptions): Called {
  return guard(() => {
    checkPositionalArgs(layer.rule.className, inputs.args);
    const result = callRule(layer, inputs, makeContext(options));
    // `trainable=False` at construction makes every weight of the layer non-trainable.
    const trainableArg = layer.args.get('trainable');
    if (trainableArg.kind === 'bool' && !trainableArg.value)
      result.weights = result.weights.map((w) => ({ ...w, trainable: false }));
    return {
      status: 'ok',
      outputs: result.outputs,
      single: result.single ?? result.outputs.length === 1,
      weights: result.weights,
      params: countParams(result.weights),
    };
  });
}

export function countParams(weights: Weight[]): ParamCounts {
  let trainable: number | null = 0;
  let nonTrainable: number | null = 0;
  for (const w of weights) {
    let size: number | null = 1;
    for (const d of w.shape) size = typeof d === 'number' && size !== null ? size * d : null;
    if (w.trainable) trainable = trainable === null || size === null ? null : trainable + size;
    else nonTrainable = nonTrainable === null || size === null ? null : nonTrainable + size;
  }
  const total = trainable === null || nonTrainable === null ? null : trainable + nonTrainable;
  return { total, trainable, nonTrainable };
}

function constructOrRaise(call: LayerCall, ctx: RuleContext): ConstructedLayer {
  const rule = lookupRule(call.className);
  if (!rule) throw new CannotTell(`no shape rule for ${call.className}`);
  if (call.incomplete) throw new CannotTell(`${call.className}: arguments not known statically`);
  const keywords = layerSignature(rule.className)?.keywords ?? { kind: 'any' };
  const args = bindArgs({ ...call, className: rule.className }, rule.signature, keywords, ctx.options);
  // The base Layer reads its dtype policy first (`dtype="int8"` names a quantization without a source).
  if (args.given('dtype')) quantizationOf(args);
  const state = rule.construct ? rule.construct(args, ctx) : undefined;
  // Every Keras constructor passes these through `activations.get`, `initializers.get`, ...
  checkIdentifierArgs(args, [...rule.signature.map((q) => q.name), 'activity_regularizer']);
  return { rule, args, state };
}

function makeContext(options: EngineOptions): RuleContext {
  const ctx: RuleContext = {
    options,
    construct: (call) => constructOrRaise(call, ctx),
    call: (layer, inputs, how): CallResult =>
      how?.direct ? layer.rule.call(layer.args, inputs, ctx, layer.state) : callRule(layer, inputs, ctx),
  };
  return ctx;
}

/**
 * A layer's rule on these inputs. An error its `call` raised (not its input
 * check or `build`) gets the call's arguments added, as `Operation.__call__`
 * adds them; a nested layer's error keeps the frame of the innermost call.
 */
function callRule(layer: ConstructedLayer, inputs: CallInputs, ctx: RuleContext): CallResult {
  try {
    return layer.rule.call(layer.args, inputs, ctx, layer.state);
  } catch (e) {
    if (e instanceof KerasError && e.inCall && !e.frame) {
      e.frame = callFrameOf(layer.rule.className, inputs);
      e.message = callFrameText(e.text, e.frame);
    }
    throw e;
  }
}

function guard<T>(f: () => T): T | { status: 'error'; error: EngineError } | { status: 'unknown'; reason: string } {
  try {
    return f();
  } catch (e) {
    if (e instanceof KerasError) {
      const error: EngineError = {
        pyType: e.pyType,
        message: e.message,
        kind: e.kind,
        data: e.data,
        inCall: e.inCall,
        frame: e.frame,
      };
      return { status: 'error', error };
    }
    if (e instanceof CannotTell) return { status: 'unknown', reason: e.message };
    // A rule's own bug must never become a false error for the user.
    return { status: 'unknown', reason: `internal: ${e instanceof Error ? e.message : String(e)}` };
  }
}
