/**
 * Keras's `get(identifier)` lookups for activations, initializers,
 * regularizers and constraints: which names a string may be (recorded from
 * Keras 3.15.1 in `identifierNames.json` by `test/truth/identifier-names/record.py`,
 * with the dtype names `standardize_dtype` takes), and what Keras rejects. Anything the interpreter could not evaluate (a user function, an
 * object from elsewhere) is accepted: unknown is not wrong.
 */

import type { Args } from './args';
import { cannotTell, raise } from './errors';
import record from './identifierNames.json';
import type { PyValue } from './values';

interface Lookup {
  /** The strings `get` returns an object for. */
  accepted: string[];
  /** Strings `get` knows but fails on otherwise: Python's exception class and arguments. */
  raises: Record<string, { type: string; args: string[] }>;
}

const LOOKUPS = record as unknown as Record<'activations' | 'initializers' | 'regularizers' | 'constraints', Lookup>;

const ACCEPTED = {
  activations: new Set(LOOKUPS.activations.accepted),
  initializers: new Set(LOOKUPS.initializers.accepted),
  regularizers: new Set(LOOKUPS.regularizers.accepted),
  constraints: new Set(LOOKUPS.constraints.accepted),
};

/** The dtype names `keras.backend.standardize_dtype` accepts (`keras.Input(dtype=...)`). */
export const DTYPE_NAMES: ReadonlySet<string> = new Set((record as { dtypes: string[] }).dtypes);

/**
 * A string `get` fails on in its own way (not "Could not interpret ..."):
 * `"constant"` names Constant, whose empty config lacks `value` (KeyError).
 */
function raiseRecorded(lookup: keyof typeof ACCEPTED, v: PyValue): void {
  const failure = v.kind === 'str' ? LOOKUPS[lookup].raises[v.value] : undefined;
  if (!failure) return;
  if (failure.type === 'KeyError' && failure.args.length === 1) raise('keyError', { key: failure.args[0] });
  cannotTell(`${lookup}.get(${v.kind === 'str' ? v.value : ''}) raises ${failure.type}`);
}

/** True for values Keras treats as callables (objects and layers the interpreter recognised, or unknowns). */
function opaque(v: PyValue): boolean {
  return v.kind === 'object' || v.kind === 'layer' || v.kind === 'unknown' || v.kind === 'dict';
}

/** `activations.get`: None, a known name, or a callable. */
export function checkActivation(a: Args, name = 'activation'): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && ACCEPTED.activations.has(v.value)) return;
  raiseRecorded('activations', v);
  raise('unknownIdentifier', { what: 'activation function', identifier: v });
}

export function checkInitializer(a: Args, name: string): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && ACCEPTED.initializers.has(v.value)) return;
  raiseRecorded('initializers', v);
  raise('unknownIdentifier', { what: 'initializer', identifier: v });
}

export function checkRegularizer(a: Args, name: string): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && ACCEPTED.regularizers.has(v.value)) return;
  raiseRecorded('regularizers', v);
  raise('unknownIdentifier', { what: 'regularizer', identifier: v });
}

export function checkConstraint(a: Args, name: string): void {
  const v = a.get(name);
  if (v.kind === 'none' || opaque(v)) return;
  if (v.kind === 'str' && ACCEPTED.constraints.has(v.value)) return;
  raiseRecorded('constraints', v);
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
