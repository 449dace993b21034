/**
 * Preprocessing layers (`keras/src/layers/preprocessing/`). Rescaling lives
 * here; the other classes are split by kind into `preprocessingImage.ts`
 * (geometric image layers), `preprocessingColor.ts` (colour/intensity and
 * augmentation-pipeline layers), `preprocessingData.ts` (categorical and
 * numerical layers) and `preprocessingText.ts` (text vectorization and lookups). This file gathers their rules for the catalog.
 */

import { singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import { recordedParams } from '../signatures';
import { colorRules } from './preprocessingColor';
import { dataRules } from './preprocessingData';
import { geometricRules } from './preprocessingImage';
import { textRules } from './preprocessingText';

/** Rescaling stores `scale`/`offset` unchecked and returns its input shape. */
const rescaling: LayerRule = {
  className: 'Rescaling',
  signature: recordedParams('Rescaling'),
  call(a, inputs) {
    return { outputs: [singleInput(layerName(a), inputs)], weights: [] };
  },
};

export const rules: LayerRule[] = [rescaling, ...geometricRules, ...colorRules, ...dataRules, ...textRules];
