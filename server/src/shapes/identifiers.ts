/**
 * Keras's `get(identifier)` lookups for activations, initializers,
 * regularizers and constraints: which names a string may be, and what Keras
 * rejects. Anything the interpreter could not evaluate (a user function, an
 * object from elsewhere) is accepted: unknown is not wrong.
 */

import type { Args } from './args';
import { raise } from './errors';
import type { PyValue } from './values';

export const ACTIVATION_NAMES = new Set([
  'celu',
  'elu',
  'exponential',
  'gelu',
  'glu',
  'hard_shrink',
  'hard_sigmoid',
  'hard_silu',
  'hard_swish',
  'hard_tanh',
  'leaky_relu',
  'linear',
  'log_sigmoid',
  'log_softmax',
  'mish',
  'relu',
  'relu6',
  'selu',
  'sigmoid',
  'silu',
  'soft_shrink',
  'softmax',
  'softplus',
  'softsign',
  'sparse_plus',
  'sparse_sigmoid',
  'sparsemax',
  'squareplus',
  'swish',
  'tanh',
  'tanh_shrink',
  'threshold',
]);

export const INITIALIZER_NAMES = new Set([
  'Constant',
  'GlorotNormal',
  'GlorotUniform',
  'HeNormal',
  'HeUniform',
  'Identity',
  'IdentityInitializer',
  'Initializer',
  'LecunNormal',
  'LecunUniform',
  'Ones',
  'Orthogonal',
  'OrthogonalInitializer',
  'RandomNormal',
  'RandomUniform',
  'STFT',
  'STFTInitializer',
  'TruncatedNormal',
  'VarianceScaling',
  'Zeros',
  'constant',
  'glorot_normal',
  'glorot_uniform',
  'he_normal',
  'he_uniform',
  'identity',
  'initializer',
  'lecun_normal',
  'lecun_uniform',
  'normal',
  'one',
  'ones',
  'orthogonal',
  'random_normal',
  'random_uniform',
  'stft',
  'truncated_normal',
  'uniform',
  'variance_scaling',
  'zero',
  'zeros',
]);

export const REGULARIZER_NAMES = new Set([
  'L1',
  'L1L2',
  'L2',
  'OrthogonalRegularizer',
  'Regularizer',
  'l1',
  'l1l2',
  'l2',
  'orthogonal_regularizer',
  'regularizer',
]);

export const CONSTRAINT_NAMES = new Set([
  'Constraint',
  'MaxNorm',
  'MinMaxNorm',
  'NonNeg',
  'UnitNorm',
  'constraint',
  'max_norm',
  'min_max_norm',
  'non_neg',
  'unit_norm',
]);

/** True for values Keras treats as callables (objects and layers the interpreter recognised, or unknowns). */
function opaque(v: PyValue): boolean {
  return v.kind === 'object' || v.kind === 'layer' || v.kind === 'unknown' || v.kind === 'dict';
}

/** `activations.get`: None, a known name, or a callable. */
export function checkActivation(a: Args, name = 'activation'): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && ACTIVATION_NAMES.has(v.value)) return;
  raise('unknownIdentifier', { what: 'activation function', identifier: v });
}

export function checkInitializer(a: Args, name: string): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && INITIALIZER_NAMES.has(v.value)) return;
  raise('unknownIdentifier', { what: 'initializer', identifier: v });
}

export function checkRegularizer(a: Args, name: string): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && REGULARIZER_NAMES.has(v.value)) return;
  raise('unknownIdentifier', { what: 'regularizer', identifier: v });
}

export function checkConstraint(a: Args, name: string): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && CONSTRAINT_NAMES.has(v.value)) return;
  raise('unknownIdentifier', { what: 'constraint', identifier: v });
}

/**
 * Checks every `*activation`, `*initializer`, `*regularizer` and `*constraint`
 * argument the call passed, in signature order, as the constructor would.
 */
export function checkIdentifierArgs(a: Args, names: string[]): void {
  for (const n of names) {
    if (!a.given(n)) continue;
    if (n.endsWith('activation')) checkActivation(a, n);
    else if (n.endsWith('initializer')) checkInitializer(a, n);
    else if (n.endsWith('regularizer')) checkRegularizer(a, n);
    else if (n.endsWith('constraint')) checkConstraint(a, n);
  }
}
