/**
 * What Keras 3's optimizer constructors accept. Keras 2 spellings such as
 * `lr=` raise in Keras 3 ("Argument(s) not recognized"); `decay=` is the
 * exception: taken and ignored, with a warning.
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import { pyRepr } from '../python/strings';
import type { Value } from '../values';

/** Keyword arguments of `keras.optimizers.Optimizer.__init__`, common to all. */
export const BASE = [
  'learning_rate',
  'weight_decay',
  'clipnorm',
  'clipvalue',
  'global_clipnorm',
  'use_ema',
  'ema_momentum',
  'ema_overwrite_frequency',
  'loss_scale_factor',
  'gradient_accumulation_steps',
  'name',
  'decay',
];

/** Each optimizer's own parameters, besides the base ones. */
export const OWN: Record<string, string[]> = {
  Adam: ['beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  AdamW: ['beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  Adamax: ['beta_1', 'beta_2', 'epsilon'],
  Nadam: ['beta_1', 'beta_2', 'epsilon'],
  SGD: ['momentum', 'nesterov'],
  RMSprop: ['rho', 'momentum', 'epsilon', 'centered'],
  Adagrad: ['initial_accumulator_value', 'epsilon'],
  Adadelta: ['rho', 'epsilon'],
  Ftrl: [
    'learning_rate_power',
    'initial_accumulator_value',
    'l1_regularization_strength',
    'l2_regularization_strength',
    'l2_shrinkage_regularization_strength',
    'beta',
  ],
  Lion: ['beta_1', 'beta_2'],
  Lamb: ['beta_1', 'beta_2', 'epsilon'],
  Muon: [
    'adam_beta_1',
    'adam_beta_2',
    'adam_weight_decay',
    'epsilon',
    'exclude_layers',
    'exclude_embeddings',
    'muon_a',
    'muon_b',
    'muon_c',
    'adam_lr_ratio',
    'momentum',
    'ns_steps',
    'nesterov',
    'rms_rate',
  ],
};

/**
 * The Keras error for unaccepted keyword arguments (`decay` is popped first), or undefined: Keras prints the
 * rest as a dict, `{'lr': 0.01}`. Unknown optimizer classes are never flagged.
 */
export function checkOptimizerCall(className: string, kwargs: Array<[string, Value]>): CheckedError | undefined {
  const own = OWN[className];
  if (!own) return undefined;
  const allowed = new Set([...BASE, ...own]);
  const bad = kwargs.filter(([k]) => !allowed.has(k));
  if (bad.length === 0) return undefined;
  const keywords = bad.map(([k, v]): [string, string | undefined] => [k, pyRepr(v) ?? undefined]);
  return errorOf('optimizerArgsNotRecognized', { keywords });
}

/** Optimizer names `compile(optimizer="...")` accepts: Keras looks the lower-cased name up among these. */
export const OPTIMIZER_NAMES = [
  'adadelta',
  'adafactor',
  'adagrad',
  'adam',
  'adamax',
  'adamw',
  'ftrl',
  'lion',
  'muon',
  'nadam',
  'rmsprop',
  'schedulefreeadamw',
  'sgd',
];

export function isOptimizerName(name: string): boolean {
  return OPTIMIZER_NAMES.includes(name.toLowerCase());
}

/** A value as far as these checks look at it (numbers and None). */
interface ArgView {
  kind: string;
  value?: unknown;
}

/**
 * Errors the optimizer constructors raise for values (Keras 3.15): SGD's
 * momentum must be a Python float in [0, 1] (an int such as 0 is refused),
 * at most one of the clipping arguments may be set, AdamW needs a weight
 * decay, gradient accumulation needs two steps or more. Unknown values pass.
 */
export function checkOptimizerValues(
  className: string,
  args: ArgView[],
  kwargs: Array<[string, ArgView]>,
): CheckedError | undefined {
  const kw = new Map(kwargs);
  if (className === 'SGD') {
    const m = kw.get('momentum') ?? args[1];
    const refused =
      m &&
      (m.kind === 'int' ||
        m.kind === 'bool' ||
        (m.kind === 'float' && ((m.value as number) < 0 || (m.value as number) > 1)));
    if (refused) return errorOf('sgdMomentum', {});
  }
  const clipping = ['clipnorm', 'clipvalue', 'global_clipnorm'];
  const set = clipping.filter((k) => kw.has(k) && kw.get(k)!.kind !== 'none');
  if (set.length > 1 && set.every((k) => kw.get(k)!.kind !== 'unknown')) {
    const values = clipping.map((k): [string, unknown] => [k, set.includes(k) ? kw.get(k)!.value : null]);
    return errorOf('optimizerClipping', { values });
  }
  if (className === 'AdamW' && kw.get('weight_decay')?.kind === 'none') return errorOf('adamwWeightDecayNone', {});
  const steps = kw.get('gradient_accumulation_steps');
  if (steps?.kind === 'int' && (steps.value as number) !== 0 && (steps.value as number) < 2) {
    return errorOf('gradientAccumulationSteps', { steps: steps.value as number });
  }
  return undefined;
}
