/**
 * The catalogue of the engine's errors: every Keras check a rule can fail,
 * by name (its kind), with the Python exception Keras raises and the one
 * function that writes Keras's message from the check's data. Rules raise
 * `raise(kind, data)` (`../errors.ts`), the interpreter `errorOf(kind, data)`;
 * nothing else writes a message. One file per family, as in `../layers/`;
 * checks several families share are in `base.ts`, Python's own errors in
 * `builtins.ts`. The interpreter's: the Keras API around the layers
 * (`models.ts`), the data at `fit` (`data.ts`), `keras.ops` (`ops.ts`) and
 * `keras.applications` (`applications.ts`).
 */

import { activationMessages } from './activation';
import { attentionMessages } from './attention';
import { baseMessages } from './base';
import { convMessages } from './conv';
import { builtinMessages } from './builtins';
import { coreMessages } from './core';
import { mergingMessages } from './merging';
import { normalizationMessages } from './normalization';
import { poolingMessages } from './pooling';
import { preprocessingMessages } from './preprocessing';
import { regularizationMessages } from './regularization';
import { reshapingMessages } from './reshaping';
import { rnnMessages } from './rnn';
import { savingMessages } from './saving';
import { wrapperMessages } from './wrappers';
import { modelMessages } from './models';
import { dataMessages } from './data';
import { opsMessages } from './ops';
import { applicationMessages } from './applications';
import type { MessageSpec } from './define';

/** Each family's entries, for the check that no kind is defined twice. */
export const MESSAGE_FAMILIES = {
  builtins: builtinMessages,
  base: baseMessages,
  core: coreMessages,
  attention: attentionMessages,
  conv: convMessages,
  pooling: poolingMessages,
  reshaping: reshapingMessages,
  regularization: regularizationMessages,
  activation: activationMessages,
  normalization: normalizationMessages,
  rnn: rnnMessages,
  wrappers: wrapperMessages,
  merging: mergingMessages,
  preprocessing: preprocessingMessages,
  saving: savingMessages,
  models: modelMessages,
  data: dataMessages,
  ops: opsMessages,
  applications: applicationMessages,
};

export const MESSAGES = {
  ...builtinMessages,
  ...baseMessages,
  ...coreMessages,
  ...attentionMessages,
  ...convMessages,
  ...poolingMessages,
  ...reshapingMessages,
  ...regularizationMessages,
  ...activationMessages,
  ...normalizationMessages,
  ...rnnMessages,
  ...wrapperMessages,
  ...mergingMessages,
  ...preprocessingMessages,
  ...savingMessages,
  ...modelMessages,
  ...dataMessages,
  ...opsMessages,
  ...applicationMessages,
};

export type MessageKind = keyof typeof MESSAGES;
export type MessageData<K extends MessageKind> = (typeof MESSAGES)[K] extends MessageSpec<infer D> ? D : never;

/** The message of `kind` for its data, and the exception class Keras raises it with. */
export function renderMessage<K extends MessageKind>(kind: K, data: MessageData<K>): { text: string; pyType: string } {
  const spec = MESSAGES[kind] as unknown as MessageSpec<MessageData<K>>;
  return { text: spec.text(data), pyType: typeof spec.pyType === 'string' ? spec.pyType : spec.pyType(data) };
}

/** True when an error is of this kind; its data then has that kind's type. */
export function isKind<K extends MessageKind>(
  e: { kind: string; data: unknown },
  kind: K,
): e is { kind: K; data: MessageData<K> } {
  return e.kind === kind;
}
