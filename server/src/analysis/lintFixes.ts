/** Quick fixes for Shape Lens's own diagnostics: `input_shape=`, channels-first input, the loss against the last activation. */

import { lookupRule } from '../shapes/catalog';
import { formatShape } from '../shapes/shape';
import type { LayerObj, ModelObj } from '../interpret';
import type { PyNode } from '../syntax/ast';
import type { Subject } from './diagnostics';
import {
  addKeyword,
  argumentValue,
  callArguments,
  keywordArgument,
  kerasModuleName,
  locate,
  parentOf,
  pyString,
  removeArgument,
  replace,
  sibling,
  src,
  type Located,
  type SourceEdit,
} from './source';
import type { Analysis } from './index';
import { Draft, FixContext, construction, modelOf, placeOf, insertBefore } from './fixPlaces';

// ---------------------------------------------------------------- input_shape= on the first layer

/** `keras.Input(shape=...)` as the model's first element, in place of `input_shape=`/`input_dim=` on its first layer. */
export function inputArgumentFixes(s: Extract<Subject, { code: 'input-shape-argument' }>, cx: FixContext): Draft[] {
  const { layer } = s;
  const model = modelOf(cx.a, layer);
  const made = construction(cx.a, layer);
  const callee = made?.node.childForFieldName('function');
  const place = placeOf(cx.a, layer);
  if (!made || !callee || !place || place.kind === 'call') return [];
  // The first layer of a Sequential: of the model as built, or the first item of its list (a model whose constructor raised).
  const first =
    model?.kind === 'Sequential'
      ? model.layers[0] === layer && !model.inputLayer
      : place.kind === 'list' && parentOf(made)!.namedChildren[0] === made.node && isSequentialArgument(made);
  if (!first) return [];
  const shapeKw = keywordArgument(made.node, 'input_shape');
  const dimKw = keywordArgument(made.node, 'input_dim');
  const kw = shapeKw ?? dimKw;
  const value = kw?.childForFieldName('value');
  if (!kw || !value || (shapeKw && dimKw)) return [];
  const shape = shapeKw ? src(cx.a, value) : `(${src(cx.a, value)},)`;
  const keras = kerasModuleName(cx.a);
  const ref = keras ? { text: `${keras}.Input`, edits: [] } : sibling(cx.a, callee, 'Input');
  const inserted = ref && insertBefore(cx.a, place, `${ref.text}(shape=${shape})`);
  const removal = removeArgument(made.node, kw);
  if (!ref || !inserted || !removal) return [];
  const argument = kw.childForFieldName('name')!.text;
  return [
    {
      title: cx.t('fix.useInput', { input: `${ref.text}(shape=${shape})`, argument }),
      edits: [...ref.edits, ...inserted, removal],
      preferred: true,
    },
  ];
}

/** A layer written in the list given to `Sequential(...)`. */
function isSequentialArgument(made: Located): boolean {
  const call = made.ancestors[made.ancestors.length - 3];
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  return name === 'Sequential';
}

// ---------------------------------------------------------------- channels-first input

/** The literal where the input's shape is written: `input_shape=` on the layer or `shape=` of the model's `Input`. */
function declaredShape(a: Analysis, layer: LayerObj): PyNode | undefined {
  const made = construction(a, layer);
  const own = made && argumentValue(made.node, 'input_shape');
  if (own) return own;
  const model = modelOf(a, layer);
  let input: LayerObj | undefined;
  if (model?.kind === 'Sequential') {
    // Layers before it that keep the shape (Rescaling, Dropout) pass the declared shape on.
    const i = model.layers.indexOf(layer);
    const keeps = (l: LayerObj) =>
      !!l.inputShapes?.[0] && formatShape(l.inputShapes[0]) === formatShape(l.outputShapes?.[0] ?? []);
    if (i < 0 || !model.layers.slice(0, i).every(keeps)) return undefined;
    if (i > 0) return declaredShape(a, model.layers[0]);
    input = model.inputLayer;
  } else {
    let t = layer.lastOutputs?.[0]?.node?.inputs[0];
    while (
      t?.node &&
      !t.node.isInput &&
      t.node.inputs.length === 1 &&
      formatShape(t.node.inputs[0].shape ?? []) === formatShape(t.shape ?? [])
    )
      t = t.node.inputs[0];
    if (t?.node?.isInput) input = t.node.op;
  }
  const call = input && construction(a, input);
  return call ? argumentValue(call.node, 'shape', 0) : undefined;
}

/**
 * The layers that see the data after `layer`: the rest of its Sequential, or
 * every layer whose functional graph leads back to it (itself included).
 */
function downstream(a: Analysis, layer: LayerObj): LayerObj[] {
  const model = modelOf(a, layer);
  if (model?.kind === 'Sequential') return model.layers.slice(model.layers.indexOf(layer));
  const reaches = new Map<LayerObj, boolean>([[layer, true]]);
  const leadsBack = (l: LayerObj, depth: number): boolean => {
    const known = reaches.get(l);
    if (known !== undefined) return known;
    reaches.set(l, false);
    const inputs = l.lastOutputs?.[0]?.node?.inputs ?? [];
    const yes = depth < 10_000 && inputs.some((t) => t.node && leadsBack(t.node.op, depth + 1));
    reaches.set(l, yes);
    return yes;
  };
  return a.interpretation.layers.filter((l) => leadsBack(l, 0));
}

/** Whether Keras's class takes `data_format` (its signature, as the engine records it). */
const takesDataFormat = (l: LayerObj) => !!lookupRule(l.className)?.signature.some((p) => p.name === 'data_format');

export function channelsFirstFixes(s: Extract<Subject, { code: 'channels-first-input' }>, cx: FixContext): Draft[] {
  const out: Draft[] = [];
  const literal = declaredShape(cx.a, s.layer);
  const dims = literal && (literal.type === 'tuple' || literal.type === 'list') ? literal.namedChildren : [];
  if (literal && dims.length === 3 && dims.every((d) => d.type !== 'list_splat' && d.type !== 'comment')) {
    const [c, r, w] = dims.map((d) => src(cx.a, d));
    const open = literal.type === 'tuple' ? '(' : '[';
    const close = literal.type === 'tuple' ? ')' : ']';
    const text = `${open}${r}, ${w}, ${c}${close}`;
    out.push({
      title: cx.t('fix.channelsLast', { shape: `(${r}, ${w}, ${c})`, axes: '(0, 2, 3, 1)' }),
      edits: [replace(literal, text)],
      preferred: true,
    });
  }
  // Or keep the data as it is: every spatial layer after it reads channels first (BatchNormalization its axis 1).
  const edits: SourceEdit[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const l of downstream(cx.a, s.layer)) {
    const call = construction(cx.a, l)?.node;
    const key = `${l.span.startLine}:${l.span.startCol}`;
    if (!call || seen.has(key)) continue;
    seen.add(key);
    let edit: SourceEdit | undefined;
    if (takesDataFormat(l) && !keywordArgument(call, 'data_format')) {
      edit = addKeyword(call, `data_format=${pyString(cx.a, 'channels_first')}`);
      count++;
    } else if (
      l.className === 'BatchNormalization' &&
      l.inputShapes?.[0]?.length === 4 &&
      !keywordArgument(call, 'axis') &&
      callArguments(call).positional.length === 0
    )
      edit = addKeyword(call, 'axis=1');
    if (edit) edits.push(edit);
  }
  if (edits.length) out.push({ title: cx.t('fix.channelsFirstFormat', { count }), edits });
  return out;
}

// ---------------------------------------------------------------- the last activation against the loss

/** Edits that make the last layer's activation `activation` (null: linear). */
function setActivation(cx: FixContext, layer: LayerObj, activation: string | null): SourceEdit[] | undefined {
  const call = construction(cx.a, layer)?.node;
  if (!call) return undefined;
  const value = activation === null ? null : pyString(cx.a, activation);
  if (layer.className === 'Activation') {
    const v = argumentValue(call, 'activation', 0);
    return v && value ? [replace(v, value)] : undefined;
  }
  if (layer.className === 'Softmax') return undefined;
  const kw = keywordArgument(call, 'activation');
  const positional = layer.className === 'Dense' ? callArguments(call).positional[1] : undefined;
  if (value === null) {
    const arg = kw ?? positional;
    const edit = arg && removeArgument(call, arg);
    return edit ? [edit] : undefined;
  }
  if (kw) return [replace(kw.childForFieldName('value')!, value)];
  if (positional) return [replace(positional, value)];
  const edit = addKeyword(call, `activation=${value}`);
  return edit ? [edit] : undefined;
}

/** Edits that make the loss given to `compile` be `loss` (source text). */
function setLoss(cx: FixContext, model: ModelObj, loss: string): SourceEdit[] | undefined {
  const compile = locate(cx.a.module, model.compiled!.spanOfCompile, 'call', true)?.node;
  const fn = compile?.childForFieldName('function');
  if (!compile || fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'compile') return undefined;
  const v = argumentValue(compile, 'loss', 1);
  return v ? [replace(v, loss)] : undefined;
}

export function lossActivationFixes(
  s: Extract<Subject, { code: 'loss-activation-mismatch' }>,
  cx: FixContext,
): Draft[] {
  const { model, last, loss, activation } = s;
  const units = last.outputShapes?.[0]?.at(-1);
  const out: Draft[] = [];
  const activationFix = (act: string | null, preferred: boolean) => {
    const edits = setActivation(cx, last, act);
    if (edits)
      out.push({
        title: act === null ? cx.t('fix.linearOutput', { activation }) : cx.t('fix.setActivation', { activation: act }),
        edits,
        preferred,
      });
  };
  const lossFix = (text: string, shown = text) => {
    const edits = setLoss(cx, model, text);
    if (edits) out.push({ title: cx.t('fix.setLoss', { loss: shown }), edits });
  };
  const str = (v: string) => pyString(cx.a, v);
  if (/^binary_crossentropy$|^binary_focal/.test(loss) && activation === 'softmax') {
    activationFix('sigmoid', units === 1);
    if (typeof units === 'number' && units > 1) lossFix(str('categorical_crossentropy'));
  } else if (loss === 'binary_crossentropy' && activation === 'linear') {
    activationFix('sigmoid', true);
    const keras = kerasModuleName(cx.a);
    if (keras) lossFix(`${keras}.losses.BinaryCrossentropy(from_logits=True)`);
  } else if (/categorical_crossentropy$/.test(loss) && activation === 'sigmoid') {
    activationFix('softmax', true);
    if (loss === 'categorical_crossentropy') lossFix(str('binary_crossentropy'));
  } else if (/^(mse|mean_squared_error|mae|mean_absolute_error)$/.test(loss) && activation === 'softmax') {
    activationFix(null, true);
    lossFix(str('categorical_crossentropy'));
  }
  return out;
}
