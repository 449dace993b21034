/**
 * The `keras.ops` functions whose shape rule is one of three kinds, by name:
 * elementwise (output shaped as `x`), binary with broadcasting, and
 * reductions over `axis`. Each maps to the op class Keras records (its
 * summary row); `test/interpret/opsTables.test.ts` holds both to Keras 3.15.1's
 * record (`test/truth/keras-api/kerasOps.json`).
 */

/** CamelCase of a snake_case function name: the class name of most ops (`log_sigmoid` -> `LogSigmoid`). */
function camel(name: string): string {
  return name
    .split('_')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function table(names: string, overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names.split(/\s+/).filter(Boolean)) out[n] = overrides[n] ?? camel(n);
  return out;
}

export const BINARY = table(
  `add subtract multiply divide true_divide floor_divide power mod maximum minimum less less_equal greater greater_equal equal
   not_equal logical_and logical_or logical_xor arctan2 hypot logaddexp heaviside fmod divide_no_nan nextafter bitwise_and
   bitwise_or bitwise_xor left_shift right_shift bitwise_left_shift bitwise_right_shift gcd lcm ldexp`,
);

export const ELEMENTWISE = table(
  `negative abs absolute exp exp2 expm1 log log10 log1p log2 sqrt square rsqrt sin cos tan sinh cosh tanh arcsin arccos arctan
   arcsinh arccosh arctanh floor ceil round trunc sign signbit isnan isinf isfinite isneginf isposinf logical_not conj
   conjugate real imag angle copy deg2rad rad2deg cbrt reciprocal erf erfc erfinv nan_to_num clip zeros_like ones_like
   full_like empty_like stop_gradient cast bitwise_invert bitwise_not sinc i0
   relu relu6 sigmoid sparse_sigmoid softplus softsign soft_shrink sparse_plus silu swish squareplus log_sigmoid leaky_relu
   hard_sigmoid hard_silu hard_swish elu selu gelu celu tanh_shrink hard_tanh hard_shrink threshold softmax log_softmax
   sparsemax normalize`,
  { abs: 'Absolute', conj: 'Conjugate', swish: 'Silu', hard_swish: 'HardSilu' },
);

/** `f(x, axis=None, keepdims=False)`. */
export const REDUCE = table(
  'mean sum max min prod std var argmax argmin amax amin all any median ptp nanmean nansum nanmax nanmin nanprod nanstd nanvar',
);
