/**
 * The shape of a layer rule: one per Keras layer class (or one per family,
 * parameterised by rank), registered in `catalog.ts`.
 *
 * A rule mirrors the Keras class: `signature` is its `__init__` in
 * positional order (recorded from Keras, `signatures.ts`; so are the keywords
 * it takes through `**kwargs`), `construct` is the validation its `__init__` does, and
 * `call` is `build` + `compute_output_shape` + the checks `__call__` makes.
 * Rules raise (`raise`, `cannotTell`); the engine turns that into values.
 */

import type { Args, EngineOptions, Param } from './args';
import type { Shape } from './shape';
import type { CallInputs } from './tensors';
import type { LayerCall } from './values';

/** One weight variable a layer creates in `build`. */
export interface Weight {
  name: string;
  shape: Shape;
  trainable: boolean;
}

/** What calling a layer produces. */
export interface CallResult {
  /** Output shapes, in the order Keras returns them. */
  outputs: Shape[];
  /** True when Keras returns one tensor rather than a list/tuple (default: `outputs.length === 1`). */
  single?: boolean;
  /** Variables created by `build`, in Keras's order. */
  weights: Weight[];
}

/** The layer-making services a wrapper rule (Bidirectional, TimeDistributed, RNN) needs. */
export interface RuleContext {
  options: EngineOptions;
  /** Constructs a nested layer (raises as its constructor would). */
  construct(call: LayerCall): ConstructedLayer;
  /**
   * Calls a nested layer (raises as its call would). `direct`: the way a
   * wrapper uses its inner layer, calling its `build`, `call` and
   * `compute_output_shape` itself rather than `__call__`; an error then
   * belongs to the wrapper's call (Keras lists the wrapper's arguments).
   */
  call(layer: ConstructedLayer, inputs: CallInputs, how?: { direct?: boolean }): CallResult;
}

export interface LayerRule {
  /** Canonical Keras class name, e.g. `Conv2D`. */
  className: string;
  /** `__init__` parameters in Python's positional order, as recorded from Keras (`recordedParams`). */
  signature: Param[];
  /** Constructor-time checks; may return derived state kept for `call`. */
  construct?(args: Args, ctx: RuleContext): unknown;
  /** Output shapes and weights for the given inputs. */
  call(args: Args, inputs: CallInputs, ctx: RuleContext, state: unknown): CallResult;
}

/** A layer whose constructor succeeded: its rule, bound arguments and constructor state. */
export interface ConstructedLayer {
  rule: LayerRule;
  args: Args;
  state: unknown;
}
