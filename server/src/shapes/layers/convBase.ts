/**
 * What the convolution bases share (`BaseConv`, `BaseConvTranspose`,
 * `BaseDepthwiseConv`, `BaseSeparableConv`): reading the window geometry
 * and `filters` in `__init__`'s order, and the checks they have in common.
 */

import type { Args } from '../args';
import { raise } from '../errors';
import { numValue, type PyNum } from '../python/numbers';
import { standardizeTuple } from '../python/validation';
import { convPadding, numberArg } from './convArgs';
import type { ConvGeometry } from './convShape';

/** `kernel_size`, `strides`, `dilation_rate` and `padding`, read in `__init__`'s order. */
export function readGeometry(a: Args, rank: number, allowCausal: boolean): ConvGeometry {
  const kernel = standardizeTuple(a.get('kernel_size'), rank, 'kernel_size');
  const strides = standardizeTuple(a.get('strides'), rank, 'strides');
  const dilation = standardizeTuple(a.get('dilation_rate'), rank, 'dilation_rate');
  const padding = convPadding(a, allowCausal);
  const dataFormat = a.dataFormat();
  return { kernel, strides, dilation, padding, dataFormat };
}

/** The check BaseConv and BaseConvTranspose share: no striding and dilating at once. */
export function checkStridesWithDilation(g: ConvGeometry): void {
  const max = (t: PyNum[]) => Math.max(...t.map((x) => x.value));
  if (max(g.strides) > 1 && max(g.dilation) > 1) {
    raise('convStridesWithDilation', { strides: g.strides.map(numValue), dilation: g.dilation.map(numValue) });
  }
}

/** `filters` as BaseConv-like constructors check it (None passes until `build`). */
export function readFilters(a: Args): PyNum | null {
  const filters = numberArg(a, 'filters', true);
  if (filters !== null && filters.value <= 0) {
    raise('convArgNotPositive', { name: 'filters', value: numValue(filters) });
  }
  return filters;
}
