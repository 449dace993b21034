/**
 * Quick fixes: for each diagnostic at a range, the changes a careful person
 * would make, as plain data (a title, the finding it removes, source edits).
 * A fixer is chosen by the diagnostic's code (`FIXERS`); for Keras's errors,
 * each fixer in `KERAS_ERROR_FIXERS` recognises the errors it can cure. New
 * diagnostics (the data checks at `fit`) add their fixers in the same two
 * places. Every fix is tested by applying it and analysing again
 * (test/features/codeActions.test.ts): its diagnostic is gone, and no new one
 * has come.
 */

import { lookupRule } from '../shapes/catalog';
import { isKind } from '../shapes/messages';
import { formatShape } from '../shapes/shape';
import type { LayerObj, ModelObj, RaisedError, Span } from '../interpret';
import type { PyNode } from '../syntax/ast';
import kerasModules from '../interpret/keras/kerasModules.json';
import { diagnose, type DiagnosticSettings, type Subject } from './diagnostics';
import { localize, type Locale, type MessageId } from './messages';
import {
  addKeyword,
  argumentValue,
  callArguments,
  importedNames,
  indentOf,
  insertAt,
  keywordArgument,
  kerasModuleName,
  locate,
  parentOf,
  pyString,
  removeArgument,
  replace,
  sameSpan,
  setKeyword,
  sibling,
  src,
  startsLine,
  type Located,
  type SourceEdit,
} from './source';
import type { Analysis, Finding } from './index';

export type { SourceEdit } from './source';
export { applyEdits } from './source';

export interface QuickFix {
  title: string;
  kind: 'quickfix';
  /** The finding it removes, as `diagnostics` reports it. */
  diagnostic: Finding;
  /** The one clearly right choice among the fixes of its diagnostic. */
  isPreferred: boolean;
  edits: SourceEdit[];
}

interface Draft {
  title: string;
  edits: SourceEdit[];
  preferred?: boolean;
}

interface FixContext {
  a: Analysis;
  t: (id: MessageId, args?: Record<string, string | number>) => string;
}

type Fixer<S extends Subject> = (subject: S, cx: FixContext) => Draft[];

const FIXERS: { [C in Subject['code']]?: Fixer<Extract<Subject, { code: C }>> } = {
  'channels-first-input': channelsFirstFixes,
  'input-shape-argument': inputArgumentFixes,
  'loss-activation-mismatch': lossActivationFixes,
  'keras-error': (s, cx) => KERAS_ERROR_FIXERS.flatMap((f) => f(s.error, cx)),
};

/** Fixers of Keras's errors; each returns nothing for an error it does not cure. */
const KERAS_ERROR_FIXERS: Array<(e: RaisedError, cx: FixContext) => Draft[]> = [
  returnSequencesFix,
  rankFixes,
  keywordRenameFix,
  importMoveFix,
];

const overlaps = (f: Finding, r: Span): boolean => {
  const start = [f.line - 1, f.column - 1];
  const end = [f.endLine - 1, f.endColumn - 1];
  const before = (x: number[], y: number[]) => x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  return !before(end, [r.startLine, r.startCol]) && !before([r.endLine, r.endCol], start);
};

/** The quick fixes of the diagnostics that touch `range` (0-based). */
export function codeActions(a: Analysis, range: Span, settings?: DiagnosticSettings): QuickFix[] {
  const locale: Locale = settings?.locale ?? 'en';
  const cx: FixContext = { a, t: (id, args) => localize(locale, id, args) };
  const out: QuickFix[] = [];
  for (const d of diagnose(a, settings)) {
    if (!overlaps(d.finding, range)) continue;
    const fixer = FIXERS[d.subject.code] as Fixer<Subject> | undefined;
    const drafts = (fixer?.(d.subject, cx) ?? []).filter((x) => x.edits.length > 0);
    const preferred = drafts.filter((x) => x.preferred).length === 1;
    for (const x of drafts)
      out.push({
        title: x.title,
        kind: 'quickfix',
        diagnostic: d.finding,
        isPreferred: preferred && !!x.preferred,
        edits: x.edits,
      });
  }
  return out;
}

// ---------------------------------------------------------------- where a layer is written

/** The call that constructs a layer. */
const construction = (a: Analysis, layer: LayerObj): Located | undefined => locate(a.module, layer.span, 'call');

const RECURRENT = /^(LSTM|GRU|SimpleRNN|RNN|ConvLSTM[123]D)$/;

const modelOf = (a: Analysis, layer: LayerObj): ModelObj | undefined =>
  a.interpretation.models.find((m) => m.layers.includes(layer));

/** The statement a node belongs to (the child of a block or of the module). */
function statementOf(l: Located): { node: PyNode; block: PyNode } | undefined {
  const chain = [...l.ancestors, l.node];
  for (let i = chain.length - 1; i > 0; i--) {
    const p = chain[i - 1];
    if (p.type === 'module' || p.type === 'block') return { node: chain[i], block: p };
  }
  return undefined;
}

/**
 * Where a layer sits in the code, for inserting one before it: an item of a
 * list of layers, the argument of `model.add(...)` on its own line, or a
 * functional call `layer(x)`.
 */
type Place =
  | { kind: 'list'; item: PyNode }
  | { kind: 'add'; statement: PyNode; model: string }
  | { kind: 'call'; call: Located; input: PyNode };

function placeOf(a: Analysis, layer: LayerObj, error?: RaisedError): Place | undefined {
  const made = construction(a, layer);
  if (!made) return undefined;
  const parent = parentOf(made);
  if (parent && (parent.type === 'list' || parent.type === 'tuple')) return { kind: 'list', item: made.node };
  if (parent?.type === 'argument_list') {
    const call = made.ancestors[made.ancestors.length - 2];
    const fn = call?.childForFieldName('function');
    const statement = made.ancestors[made.ancestors.length - 3];
    if (
      fn?.type === 'attribute' &&
      fn.childForFieldName('attribute')?.text === 'add' &&
      statement?.type === 'expression_statement'
    )
      return { kind: 'add', statement, model: src(a, fn.childForFieldName('object')!) };
    return undefined;
  }
  // Called where it is made (`layers.Dense(8)(x)`), or later (`dense(x)`) on the line that raised.
  let call: Located | undefined;
  if (parent?.type === 'call' && parent.childForFieldName('function') === made.node)
    call = { node: parent, ancestors: made.ancestors.slice(0, -1) };
  else if (error) call = locate(a.module, error.span, 'call');
  const input = call && callArguments(call.node).positional[0];
  return call && input ? { kind: 'call', call, input } : undefined;
}

/** Edits that put `text` (a layer expression) just before `layer` in the code. */
function insertBefore(a: Analysis, place: Place, text: string): SourceEdit[] | undefined {
  switch (place.kind) {
    case 'list': {
      const s = place.item.span();
      return startsLine(a, s)
        ? [insertAt(s.startLine, 0, `${indentOf(a, s.startLine)}${text},\n`)]
        : [insertAt(s.startLine, s.startCol, `${text}, `)];
    }
    case 'add': {
      const s = place.statement.span();
      if (!startsLine(a, s)) return undefined;
      return [insertAt(s.startLine, 0, `${indentOf(a, s.startLine)}${place.model}.add(${text})\n`)];
    }
    case 'call': {
      // `x = layer(x)`: a line `x = Flatten()(x)` before it; otherwise the input is wrapped where it is used.
      const statement = statementOf(place.call);
      const assign = statement?.node.type === 'expression_statement' ? statement.node.namedChildren[0] : undefined;
      const target = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
      const s = statement?.node.span();
      if (
        s &&
        assign?.childForFieldName('right') === place.call.node &&
        target?.type === 'identifier' &&
        place.input.type === 'identifier' &&
        place.input.text === target.text &&
        startsLine(a, s)
      )
        return [insertAt(s.startLine, 0, `${indentOf(a, s.startLine)}${target.text} = ${text}(${target.text})\n`)];
      return [replace(place.input, `${text}(${src(a, place.input)})`)];
    }
  }
}

/**
 * The layer an input-spec error is about: the one made in the statement that
 * raised (in a list of layers, the first one left unbuilt: the layers before
 * it were built, the call raised on it), else the one Keras names.
 */
function failingLayer(a: Analysis, name: string, error: RaisedError): LayerObj | undefined {
  const inside = (s: Span) =>
    (s.startLine > error.span.startLine ||
      (s.startLine === error.span.startLine && s.startCol >= error.span.startCol)) &&
    (s.endLine < error.span.endLine || (s.endLine === error.span.endLine && s.endCol <= error.span.endCol));
  const made = a.interpretation.layers.filter((l) => !l.isOp && inside(l.span));
  if (made.length === 1) return made[0];
  const unbuilt = made
    .filter((l) => !l.outputShapes)
    .sort((x, y) => x.span.startLine - y.span.startLine || x.span.startCol - y.span.startCol);
  if (unbuilt.length) return unbuilt[0];
  const named = a.interpretation.layers.filter((l) => l.name === name);
  return named.find((l) => l.callSpans.some((c) => inside(c.span))) ?? named[named.length - 1];
}

/** An input-spec error of the engine (`expected ndim=3, found ndim=2`): the layer, the rank it wants, the rank it got. */
function rankError(
  e: RaisedError,
): { layer: string; expected: number; bound: '' | 'min_' | 'max_'; found: number } | undefined {
  const error = e.check;
  if (!error) return undefined;
  const x = { kind: error.kind ?? 'inline', data: error.data };
  if (isKind(x, 'inputSpecNdim'))
    return { layer: x.data.layer, bound: '', expected: x.data.ndim, found: x.data.shape.length };
  if (isKind(x, 'inputSpecMinNdim'))
    return { layer: x.data.layer, bound: 'min_', expected: x.data.minNdim, found: x.data.shape.length };
  if (isKind(x, 'inputSpecMaxNdim'))
    return { layer: x.data.layer, bound: 'max_', expected: x.data.maxNdim, found: x.data.shape.length };
  return undefined;
}

// ---------------------------------------------------------------- stacked recurrent layers

/** The layer whose output feeds `layer`: the one before it in its Sequential, or the call its input comes from. */
function previousLayer(a: Analysis, layer: LayerObj, error: RaisedError): LayerObj | undefined {
  const place = placeOf(a, layer, error);
  const madeAt = (node: PyNode | undefined) => {
    const span = node?.span();
    return span && a.interpretation.layers.find((l) => sameSpan(l.span, span));
  };
  if (place?.kind === 'list') {
    // The item before it in the list of layers (the model may not exist: its constructor raised).
    const items = parentOf(construction(a, layer)!)!.namedChildren.filter((c) => c.type !== 'comment');
    return madeAt(items[items.indexOf(place.item) - 1]);
  }
  const model = modelOf(a, layer);
  if (model?.kind === 'Sequential') {
    const i = model.layers.indexOf(layer);
    return i > 0 ? model.layers[i - 1] : undefined;
  }
  if (place?.kind !== 'call') return undefined;
  let source: PyNode | undefined = place.input;
  if (source.type === 'identifier') {
    // The last assignment of that name before the call, in the same block.
    const statement = statementOf(place.call);
    if (!statement) return undefined;
    const before = statement.block.namedChildren.slice(0, statement.block.namedChildren.indexOf(statement.node));
    source = undefined;
    for (const s of before.reverse()) {
      const assign = s.type === 'expression_statement' ? s.namedChildren[0] : undefined;
      if (assign?.type === 'assignment' && assign.childForFieldName('left')?.text === place.input.text) {
        source = assign.childForFieldName('right') ?? undefined;
        break;
      }
    }
  }
  if (source?.type !== 'call') return undefined;
  const span = source.span();
  return a.interpretation.layers.find((l) => l.callSpans.some((c) => sameSpan(c.span, span)));
}

/** `return_sequences=True` on the recurrent layer before one that wants a sequence (rank 3) and got its last step only. */
function returnSequencesFix(e: RaisedError, cx: FixContext): Draft[] {
  const r = rankError(e);
  if (!r || r.found !== 2 || r.expected !== 3 || r.bound === 'max_') return [];
  const layer = failingLayer(cx.a, r.layer, e);
  const prev = layer && previousLayer(cx.a, layer, e);
  if (!layer || !prev) return [];
  let call = construction(cx.a, prev)?.node;
  // Bidirectional(LSTM(...)): the wrapped layer is the one that returns sequences.
  if (call && prev.className === 'Bidirectional') {
    const inner = argumentValue(call, 'layer', 0);
    call = inner?.type === 'call' ? inner : undefined;
  } else if (!RECURRENT.test(prev.className)) return [];
  const edit = call && setKeyword(call, 'return_sequences', 'True');
  if (!edit) return [];
  return [
    {
      title: cx.t('fix.returnSequences', { layer: prev.className, next: layer.className }),
      edits: [edit],
      preferred: true,
    },
  ];
}

// ---------------------------------------------------------------- a rank Flatten or global pooling cures

/** Flatten() or GlobalAveragePooling{n}D() before a layer that takes (batch, features) and got more axes. */
function rankFixes(e: RaisedError, cx: FixContext): Draft[] {
  const r = rankError(e);
  if (!r || r.expected !== 2 || r.bound === 'min_' || r.found < 3) return [];
  const layer = failingLayer(cx.a, r.layer, e);
  const made = layer && construction(cx.a, layer);
  const place = layer && placeOf(cx.a, layer, e);
  const callee = made?.node.childForFieldName('function');
  if (!layer || !place || !callee) return [];
  const choices = ['Flatten', ...(r.found <= 5 ? [`GlobalAveragePooling${r.found - 2}D`] : [])];
  const out: Draft[] = [];
  for (const cls of choices) {
    const ref = sibling(cx.a, callee, cls);
    const edits = ref && insertBefore(cx.a, place, `${ref.text}()`);
    if (ref && edits)
      out.push({
        title: cx.t('fix.insertLayer', { insert: `${cls}()`, layer: layer.className }),
        edits: [...ref.edits, ...edits],
      });
  }
  return out;
}

// ---------------------------------------------------------------- Keras 2 spellings

/**
 * Keyword arguments Keras 2 renamed (its legacy interfaces converted them
 * with a warning; Keras 3 refuses them). A keyword is renamed only where
 * Keras reports it as not recognised.
 */
const KERAS2_KEYWORDS: Record<string, string> = {
  lr: 'learning_rate',
  nb_filter: 'filters',
  border_mode: 'padding',
  subsample: 'strides',
  init: 'kernel_initializer',
  W_regularizer: 'kernel_regularizer',
  b_regularizer: 'bias_regularizer',
  W_constraint: 'kernel_constraint',
  b_constraint: 'bias_constraint',
};

/** `Adam(lr=0.01)` -> `Adam(learning_rate=0.01)`: the keywords Keras names as unrecognised. */
function keywordRenameFix(e: RaisedError, cx: FixContext): Draft[] {
  const m = /(?:Argument\(s\) not recognized|Unrecognized keyword arguments[^:]*): \{([^}]*)\}/.exec(e.message);
  if (!m) return [];
  const refused = [...m[1].matchAll(/'(\w+)'/g)].map((x) => x[1]).filter((k) => k in KERAS2_KEYWORDS);
  const call = locate(cx.a.module, e.span, 'call')?.node;
  if (!call || refused.length === 0) return [];
  const edits: SourceEdit[] = [];
  for (const k of refused) {
    const name = keywordArgument(call, k)?.childForFieldName('name');
    if (name) edits.push(replace(name, KERAS2_KEYWORDS[k]));
  }
  const [first] = refused;
  return [{ title: cx.t('fix.renameKeyword', { old: first, new: KERAS2_KEYWORDS[first] }), edits, preferred: true }];
}

const MODULES = kerasModules.modules as Record<string, string[]>;
const exportsAll = (module: string, names: string[]) =>
  names.every((n) => MODULES[module]?.includes(n) || `${module}.${n}` in MODULES);

/**
 * A Keras 2 import path Keras 3 no longer has: the module Keras 3 exports the
 * same names from (recorded from Keras, `kerasModules.json`), the nearest
 * ancestor of the old path first (`keras.layers.core` -> `keras.layers`).
 * A name a module no longer exports moves to the one module that does.
 */
function importMoveFix(e: RaisedError, cx: FixContext): Draft[] {
  if (!/^(No module named '[\w.]+'|cannot import name '\w+' from '[\w.]+')/.test(e.message)) return [];
  const statement = locate(cx.a.module, e.span, 'import_from_statement')?.node;
  const moduleNode = statement?.childForFieldName('module_name');
  if (!statement || !moduleNode || moduleNode.type !== 'dotted_name') return [];
  const names = importedNames(statement);
  const moduleMissing = /^No module named/.test(e.message);
  if (moduleMissing) {
    const wanted = names.map((n) => n.name);
    const parts = moduleNode.text.split('.');
    for (let i = parts.length - 1; i >= 1; i--) {
      const target = parts.slice(0, i).join('.');
      if (target in MODULES && exportsAll(target, wanted))
        return [
          { title: cx.t('fix.importFrom', { module: target }), edits: [replace(moduleNode, target)], preferred: true },
        ];
    }
    return [];
  }
  const name = /^cannot import name '(\w+)'/.exec(e.message)![1];
  const homes = Object.keys(MODULES).filter((m) => exportsAll(m, [name]));
  const shortest = Math.min(...homes.map((m) => m.split('.').length));
  const best = homes.filter((m) => m.split('.').length === shortest);
  if (best.length !== 1) return [];
  const [target] = best;
  if (names.length === 1)
    return [
      { title: cx.t('fix.importFrom', { module: target }), edits: [replace(moduleNode, target)], preferred: true },
    ];
  // Several names: this one leaves the list, on a line of its own below.
  const entry = names.find((n) => n.name === name);
  if (!entry) return [];
  const s = statement.span();
  const bound = entry.bound !== entry.name ? ` as ${entry.bound}` : '';
  const removal = removeImportedName(statement, entry.node);
  if (!removal || !startsLine(cx.a, s)) return [];
  return [
    {
      title: cx.t('fix.importFrom', { module: target }),
      edits: [
        removal,
        insertAt(s.endLine, s.endCol, `\n${indentOf(cx.a, s.startLine)}from ${target} import ${name}${bound}`),
      ],
      preferred: true,
    },
  ];
}

/** Removes one name of a `from M import a, b` list with its comma. */
function removeImportedName(statement: PyNode, node: PyNode): SourceEdit | undefined {
  const names = importedNames(statement).map((n) => n.node);
  const i = names.indexOf(node);
  if (i < 0 || names.length < 2) return undefined;
  const s = node.span();
  if (i > 0) {
    const prev = names[i - 1].span();
    return {
      span: { startLine: prev.endLine, startCol: prev.endCol, endLine: s.endLine, endCol: s.endCol },
      newText: '',
    };
  }
  const next = names[1].span();
  return {
    span: { startLine: s.startLine, startCol: s.startCol, endLine: next.startLine, endCol: next.startCol },
    newText: '',
  };
}

// ---------------------------------------------------------------- input_shape= on the first layer

/** `keras.Input(shape=...)` as the model's first element, in place of `input_shape=`/`input_dim=` on its first layer. */
function inputArgumentFixes(s: Extract<Subject, { code: 'input-shape-argument' }>, cx: FixContext): Draft[] {
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

function channelsFirstFixes(s: Extract<Subject, { code: 'channels-first-input' }>, cx: FixContext): Draft[] {
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

function lossActivationFixes(s: Extract<Subject, { code: 'loss-activation-mismatch' }>, cx: FixContext): Draft[] {
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
