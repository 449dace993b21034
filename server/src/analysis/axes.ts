/**
 * Names for the axes of a layer's input and output, in the order Keras uses
 * them (channels last unless the layer says channels_first): the answer to
 * "is (None, 20, 15, 12) batch, x, y, z?".
 */

import type { LayerObj } from '../interpret';
import { localize, type Locale, type MessageId } from './messages';

/** The spatial names of a rank: 1 -> steps, 2 -> rows, cols, 3 -> depth, rows, cols. */
function spatial(n: number): string[] {
  if (n === 1) return ['steps'];
  if (n === 2) return ['rows', 'cols'];
  if (n === 3) return ['depth', 'rows', 'cols'];
  return Array.from({ length: n }, (_, i) => `axis ${i + 1}`);
}

const IMAGE_FAMILY =
  /^(Conv|SeparableConv|DepthwiseConv|MaxPooling|AveragePooling|AdaptiveAveragePooling|AdaptiveMaxPooling|UpSampling|ZeroPadding|Cropping|SpatialDropout|ConvLSTM)(\d)D/;
const RNN_FAMILY = /^(SimpleRNN|LSTM|GRU|RNN|Bidirectional)$/;

/** The data_format the layer was given, or the default. */
export function dataFormatOf(layer: LayerObj, dflt: string): string {
  const v = layer.call.kwargs.find(([k]) => k === 'data_format')?.[1];
  return v?.kind === 'str' ? v.value.toLowerCase() : dflt;
}

/** Names for each axis of a tensor of `rank` coming out of (or going into) `layer`. */
export function axisNames(layer: LayerObj, rank: number, defaultFormat: string, side: 'input' | 'output'): string[] {
  const names = new Array<string>(rank).fill('');
  if (rank === 0) return names;
  names[0] = 'batch';
  const image = IMAGE_FAMILY.exec(layer.className);
  if (image) {
    const s = spatial(Number(image[2]));
    const isRnn = image[1] === 'ConvLSTM';
    const first = dataFormatOf(layer, defaultFormat) === 'channels_first';
    const rest = rank - 1;
    if (isRnn && side === 'input' && rest === s.length + 2) {
      return ['batch', 'timesteps', ...(first ? ['channels', ...s] : [...s, 'channels'])];
    }
    if (rest === s.length + 1) return ['batch', ...(first ? ['channels', ...s] : [...s, 'channels'])];
  }
  if (RNN_FAMILY.test(layer.className) || layer.className === 'TimeDistributed') {
    if (rank === 3)
      return ['batch', 'timesteps', side === 'output' && layer.className !== 'TimeDistributed' ? 'units' : 'features'];
    if (rank === 2) return ['batch', side === 'output' ? 'units' : 'features'];
  }
  if (layer.className === 'Embedding' && side === 'output' && rank >= 2) {
    return ['batch', ...Array.from({ length: rank - 2 }, () => 'sequence'), 'features (output_dim)'];
  }
  if (/Attention$/.test(layer.className) && rank === 3) return ['batch', 'sequence', 'features'];
  if (layer.className === 'Dense') {
    const mid = Array.from({ length: Math.max(0, rank - 2) }, (_, i) => `axis ${i + 1} (unchanged)`);
    return ['batch', ...mid, side === 'output' ? 'units' : 'features'];
  }
  for (let i = 1; i < rank; i++) names[i] = i === rank - 1 ? 'features' : `axis ${i}`;
  return names;
}

const AXIS_IDS: Record<string, MessageId> = {
  batch: 'axis.batch',
  rows: 'axis.rows',
  cols: 'axis.cols',
  depth: 'axis.depth',
  steps: 'axis.steps',
  timesteps: 'axis.timesteps',
  channels: 'axis.channels',
  units: 'axis.units',
  features: 'axis.features',
  sequence: 'axis.sequence',
  'features (output_dim)': 'axis.embedding',
};

/** An axis name of axes.ts in the reader's language. */
export function axisLabel(name: string, locale: Locale): string {
  const id = AXIS_IDS[name];
  if (id) return localize(locale, id);
  const m = /^axis (\d+)( \(unchanged\))?$/.exec(name);
  if (m) return localize(locale, m[2] ? 'axis.nUnchanged' : 'axis.n', { index: m[1] });
  return name;
}
