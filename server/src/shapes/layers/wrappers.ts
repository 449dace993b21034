/**
 * wrappers layers. Rules are added here, one per Keras class or one per family
 * parameterised by rank.
 */

import type { LayerRule } from '../rule';

export const rules: LayerRule[] = [];
