/**
 * A layer's name in the errors the engine raises for it. The engine names a layer by its `name=` argument or,
 * without one, by its class (`lstm`); Keras names it as it was drawn (`lstm_1`, the second LSTM of the file),
 * so an error of a layer named automatically is given that name wherever it quotes the class's stem.
 */

import type { CheckedError } from '../../shapes/errors';
import { toSnakeCase } from '../../shapes/naming';
import type { LayerObj } from '../values';

export function withLayerName(error: CheckedError, layer: LayerObj): CheckedError {
  const stem = toSnakeCase(layer.className);
  if (layer.namedInSource || layer.name === stem) return error;
  const swap = (text: string) =>
    text.split(`'${stem}'`).join(`'${layer.name}'`).split(`'${stem}/`).join(`'${layer.name}/`);
  const data = Object.fromEntries(
    Object.entries(error.data).map(([k, v]) => [k, v === stem ? layer.name : v]),
  ) as object;
  return { ...error, message: swap(error.message), data };
}
