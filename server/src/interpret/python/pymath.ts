/**
 * Python's `math` module (and NumPy's functions of the same names) on
 * numbers the source states: model code derives sizes with them
 * (`h = int(math.sqrt(num_patches))`, `math.ceil(n / 2)`). Anything else
 * (an unknown argument, an array) is not a number here.
 */

import type { Value } from '../values';

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI, inf: Infinity };

/** Functions whose result is a float. */
const FLOAT_FUNCTIONS: Record<string, (...x: number[]) => number> = {
  sqrt: Math.sqrt,
  exp: Math.exp,
  log2: Math.log2,
  log10: Math.log10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  log: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  pow: Math.pow,
  fabs: Math.abs,
};

/** Functions whose result is an int (for `math`; NumPy's `ceil`/`floor` give floats). */
const INT_FUNCTIONS: Record<string, (...x: number[]) => number> = {
  ceil: Math.ceil,
  floor: Math.floor,
  trunc: Math.trunc,
  isqrt: (x) => Math.floor(Math.sqrt(x)),
};

function numberOf(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'bool') return v.value ? 1 : 0;
  return undefined;
}

/** `math.pi` and the like; undefined for names that are not such constants. */
export function mathConstant(qualname: string): Value | undefined {
  const m = /^(math|numpy)\.(pi|e|tau|inf)$/.exec(qualname);
  return m ? { kind: 'float', value: CONSTANTS[m[2]] } : undefined;
}

/** `math.sqrt(64)`: the number; undefined when the function is not one of these or an argument is not a known number. */
export function callMath(qualname: string, args: Value[]): Value | undefined {
  const m = /^(math|numpy)\.([a-z0-9]+)$/.exec(qualname);
  if (!m) return undefined;
  const [, module, name] = m;
  const xs = args.map(numberOf);
  if (xs.length === 0 || xs.some((x) => x === undefined)) return undefined;
  const nums = xs as number[];
  if (name === 'prod' && module === 'math') return undefined;
  if (FLOAT_FUNCTIONS[name]) {
    const r = FLOAT_FUNCTIONS[name](...nums);
    // Python raises ValueError for a math domain error; the analysis just does not know.
    return Number.isFinite(r) || nums.some((x) => !Number.isFinite(x)) ? { kind: 'float', value: r } : undefined;
  }
  if (INT_FUNCTIONS[name]) {
    const r = INT_FUNCTIONS[name](...nums);
    if (!Number.isFinite(r)) return undefined;
    return module === 'math' ? { kind: 'int', value: r } : { kind: 'float', value: r };
  }
  if (module === 'math' && name === 'gcd') {
    let [a, b] = nums.map((x) => Math.abs(Math.trunc(x)));
    while (b) [a, b] = [b, a % b];
    return nums.every(Number.isInteger) ? { kind: 'int', value: a ?? 0 } : undefined;
  }
  return undefined;
}
