/** Quick fixes for Keras's errors: each returns nothing for an error it does not cure. */

import type { LayerObj, RaisedError } from '../interpret';
import { isKind } from '../shapes/messages';
import type { PyNode } from '../syntax/ast';
import kerasModules from '../interpret/keras/kerasModules.json';
import {
  argumentValue,
  importedNames,
  indentOf,
  insertAt,
  keywordArgument,
  locate,
  parentOf,
  replace,
  sameSpan,
  setKeyword,
  sibling,
  startsLine,
  type SourceEdit,
} from './source';
import type { Analysis } from './index';
import {
  Draft,
  FixContext,
  construction,
  RECURRENT,
  modelOf,
  statementOf,
  placeOf,
  insertBefore,
  failingLayer,
  rankError,
} from './fixPlaces';

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
export function returnSequencesFix(e: RaisedError, cx: FixContext): Draft[] {
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
export function rankFixes(e: RaisedError, cx: FixContext): Draft[] {
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

/** The keywords an error says a constructor does not take (an optimizer's, a layer's, a subclass's `Layer.__init__`). */
function refusedKeywords(e: RaisedError): string[] {
  const c = e.check;
  if (isKind(c, 'optimizerArgsNotRecognized')) return c.data.keywords.map(([k]) => k);
  if (isKind(c, 'unrecognizedKeywords')) return c.data.kwargs.map(([k]) => k);
  if (isKind(c, 'layerInitKeywords')) return c.data.keywords.map(([k]) => k);
  return [];
}

/** `Adam(lr=0.01)` -> `Adam(learning_rate=0.01)`: the keywords Keras names as unrecognised. */
export function keywordRenameFix(e: RaisedError, cx: FixContext): Draft[] {
  const refused = refusedKeywords(e).filter((k) => Object.hasOwn(KERAS2_KEYWORDS, k));
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
export function importMoveFix(e: RaisedError, cx: FixContext): Draft[] {
  const c = e.check;
  const moduleMissing = isKind(c, 'moduleNotFound');
  if (!moduleMissing && !isKind(c, 'cannotImportName')) return [];
  const statement = locate(cx.a.module, e.span, 'import_from_statement')?.node;
  const moduleNode = statement?.childForFieldName('module_name');
  if (!statement || !moduleNode || moduleNode.type !== 'dotted_name') return [];
  const names = importedNames(statement);
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
  const name = isKind(c, 'cannotImportName') ? c.data.name : undefined;
  if (!name) return [];
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
