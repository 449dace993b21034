/**
 * What the convolution bases share (`BaseConv`, `BaseConvTranspose`,
 * `BaseDepthwiseConv`, `BaseSeparableConv`): reading the window geometry
 * and `filters` in `__init__`'s order, and the checks they have in common.
 */

import type { Args, Param } from '../args';
import { raise } from '../errors';
import { convPadding, kerasTuple, numberArg, reprNum, reprTuple, type PyNum } from './convArgs';
import type { ConvGeometry } from './convShape';

/** A rank's default for `strides`/`dilation_rate`: `1` for 1-D, `(1, 1)` and `(1, 1, 1)` above. */
export function unitDefault(rank: number): Param['default'] {
  return rank === 1
    ? { kind: 'int', value: 1 }
    : { kind: 'tuple', items: new Array(rank).fill({ kind: 'int', value: 1 }) };
}

/** `kernel_size`, `strides`, `dilation_rate` and `padding`, read in `__init__`'s order. */
export function readGeometry(a: Args, rank: number, allowCausal: boolean): ConvGeometry {
  const kernel = kerasTuple(a.get('kernel_size'), rank, 'kernel_size');
  const strides = kerasTuple(a.get('strides'), rank, 'strides');
  const dilation = kerasTuple(a.get('dilation_rate'), rank, 'dilation_rate');
  const padding = convPadding(a, allowCausal);
  const dataFormat = a.dataFormat();
  return { kernel, strides, dilation, padding, dataFormat };
}

/** The check BaseConv and BaseConvTranspose share: no striding and dilating at once. */
export function checkStridesWithDilation(g: ConvGeometry): void {
  const max = (t: PyNum[]) => Math.max(...t.map((x) => x.n));
  if (max(g.strides) > 1 && max(g.dilation) > 1) {
    raise(
      `\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. ` +
        `Received: strides=${reprTuple(g.strides)} and dilation_rate=${reprTuple(g.dilation)}`,
    );
  }
}

/** `filters` as BaseConv-like constructors check it (None passes until `build`). */
export function readFilters(a: Args): PyNum | null {
  const filters = numberArg(a, 'filters', true);
  if (filters !== null && filters.n <= 0) {
    raise(
      `Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${reprNum(filters)}.`,
    );
  }
  return filters;
}

/** Keras's default layer name stem, used in weight paths: `Conv1DTranspose` -> `conv1d_transpose`. */
export function snakeName(className: string): string {
  return className
    .replace(/(\d)D/g, '$1d')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Python's `%` (the sign follows the divisor). */
export function pyMod(x: number, y: number): number {
  return ((x % y) + y) % y;
}
