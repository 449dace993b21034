/**
 * The catalog: every Keras class name and alias the engine knows, mapped to
 * its rule. Rules live in `layers/<family>.ts`, one file per Keras family.
 */

import type { LayerRule } from './rule';
import { recordedNames } from './signatures';
import { rules as activation } from './layers/activation';
import { rules as attention } from './layers/attention';
import { rules as conv } from './layers/conv';
import { rules as core } from './layers/core';
import { rules as merging } from './layers/merging';
import { rules as normalization } from './layers/normalization';
import { rules as pooling } from './layers/pooling';
import { rules as preprocessing } from './layers/preprocessing';
import { rules as regularization } from './layers/regularization';
import { rules as reshaping } from './layers/reshaping';
import { rules as rnn } from './layers/rnn';
import { rules as wrappers } from './layers/wrappers';

const ALL: LayerRule[] = [
  ...core,
  ...activation,
  ...regularization,
  ...reshaping,
  ...conv,
  ...pooling,
  ...normalization,
  ...rnn,
  ...wrappers,
  ...merging,
  ...attention,
  ...preprocessing,
];

const BY_NAME = new Map<string, LayerRule>();
for (const rule of ALL) {
  // A class's other public names (MaxPool2D for MaxPooling2D) are recorded from Keras with its signature.
  for (const name of recordedNames(rule.className)) {
    if (BY_NAME.has(name)) throw new Error(`shape catalog: ${name} registered twice`);
    BY_NAME.set(name, rule);
  }
}

export function lookupRule(className: string): LayerRule | undefined {
  return BY_NAME.get(className);
}
