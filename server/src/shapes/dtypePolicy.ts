/**
 * The base Layer's `dtype` as `keras.dtype_policies.get` reads it, as far as
 * the weights depend on it: which policies quantize, and how
 * (`"int8_from_float32"`, `"int4/128_from_mixed_bfloat16"`,
 * `"float8_from_float32"`). The layers that build quantized variables under
 * such a policy are in `layers/coreQuantized.ts`.
 */

import type { Args } from './args';
import { raise } from './errors';
import type { PyValue } from './values';

export type Quantization =
  | { mode: 'int8' }
  | { mode: 'int4'; blockSize: number | null }
  | { mode: 'float8' }
  /** A quantizing policy this does not model, or a dtype the source does not tell. */
  | { mode: 'unknown' };

const MODES = ['int8', 'float8', 'int4', 'gptq', 'awq'];
/** Policy sources whose quantized layers build as on float32 (float16 ones Keras refuses for int8/int4). */
const SOURCES = new Set(['float32', 'float64', 'bfloat16', 'mixed_bfloat16']);

/**
 * What `dtype` makes of a layer's weights: null for a policy that does not
 * quantize. `dtype_policies.get` raises for a quantization mode without a
 * source (`dtype="int8"`), for every layer, at construction.
 */
export function quantizationOf(a: Args): Quantization | null {
  const v = a.get('dtype');
  if (v.kind === 'unknown') return { mode: 'unknown' };
  if (v.kind === 'object') return quantizingObject(v) ? { mode: 'unknown' } : null;
  if (v.kind !== 'str' || !MODES.some((m) => v.value.startsWith(m))) return null;
  const parts = v.value.split('_from_');
  if (parts.length !== 2) {
    raise('dtypePolicyPairInvalid', { policy: v.value });
  }
  const [mode, source] = parts;
  if (!SOURCES.has(source) && !(mode === 'float8' && (source === 'float16' || source === 'mixed_float16')))
    return { mode: 'unknown' };
  if (mode === 'int8' || mode === 'float8') return { mode };
  if (mode === 'int4') return { mode: 'int4', blockSize: null };
  const block = /^int4\/(-1|[1-9]\d*)$/.exec(mode);
  if (block) return { mode: 'int4', blockSize: block[1] === '-1' ? null : Number(block[1]) };
  return { mode: 'unknown' };
}

/** A policy object: the float ones (`DTypePolicy`, `Policy`) do not quantize; the quantized ones carry arguments not followed. */
function quantizingObject(v: Extract<PyValue, { kind: 'object' }>): boolean {
  const name = v.qualname.split('.').pop() ?? '';
  return name !== 'DTypePolicy' && name !== 'Policy';
}
