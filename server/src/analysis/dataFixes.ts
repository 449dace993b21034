/**
 * Quick fixes for the data against the model at `fit`, `evaluate`, `predict`
 * and the `*_on_batch` methods, read from the cure the data checks recorded
 * (`DataHint`, interpret/keras/dataChecks.ts) for the error: the transpose,
 * `expand_dims` or reshape the message names, where the array is made (one
 * line after its only assignment, so every later use gets it) or at the call;
 * for labels against the loss, the loss's sparse or one-hot twin, or the
 * labels converted at the call.
 */

import type { RaisedError } from '../interpret';
import type { DataHint } from '../interpret/keras/dataChecks';
import kerasClasses from '../interpret/keras/kerasClasses.json';
import type { PyNode } from '../syntax/ast';
import type { Draft, FixContext } from './fixPlaces';
import { statementOf } from './fixPlaces';
import {
  argumentValue,
  callArguments,
  importBinding,
  indentOf,
  insertAt,
  kerasModuleName,
  locate,
  pyString,
  replace,
  sameSpan,
  src,
  startsLine,
  type SourceEdit,
} from './source';
import type { Analysis } from './index';

/** The cure recorded for this error, if any. */
const hintOf = (a: Analysis, e: RaisedError): DataHint | undefined =>
  a.interpretation.dataHints.find((h) => sameSpan(h.span, e.span));

/** The name the file binds to NumPy (`np`, `numpy`), if it imports it at the top. */
function numpyName(a: Analysis): string | undefined {
  for (const s of a.module.namedChildren) {
    if (s.type !== 'import_statement') continue;
    for (const c of s.namedChildren) {
      if (c.type === 'dotted_name' && c.text === 'numpy') return 'numpy';
      if (c.type === 'aliased_import' && c.childForFieldName('name')?.text === 'numpy')
        return c.childForFieldName('alias')?.text;
    }
  }
  return undefined;
}

/** The hint's expression written with the file's NumPy name; undefined when it needs NumPy and the file has none. */
function withNumpy(a: Analysis, fix: string): string | undefined {
  if (!fix.startsWith('np.')) return fix;
  const np = numpyName(a);
  return np ? `${np}.${fix.slice(3)}` : undefined;
}

/** The names an assignment target binds: `x`, `(x_train, y_train), (x_test, y_test)`. */
function targetNames(target: PyNode): string[] {
  if (target.type === 'identifier') return [target.text];
  if (/^(pattern_list|tuple_pattern|list_pattern|tuple|list|parenthesized_expression)$/.test(target.type))
    return target.namedChildren.flatMap(targetNames);
  return [];
}

/** Every statement of the file that binds `name`: assignments (plain or unpacking), `for` targets, `as` names. */
function bindingsOf(root: PyNode, name: string): PyNode[] {
  const out: PyNode[] = [];
  const visit = (n: PyNode) => {
    const target =
      n.type === 'assignment' || n.type === 'augmented_assignment' || n.type === 'for_statement'
        ? n.childForFieldName('left')
        : n.type === 'as_pattern_target'
          ? n
          : null;
    if (target && (n.type === 'as_pattern_target' ? n.text === name : targetNames(target).includes(name))) out.push(n);
    for (const c of n.children) visit(c);
  };
  visit(root);
  return out;
}

/**
 * A line `NAME = FIX` right after the one statement that binds `NAME` (a
 * plain or unpacking assignment), when that statement stands on its own
 * lines in the block of the call, before it.
 */
function afterAssignment(a: Analysis, call: PyNode, name: string, fix: string): SourceEdit | undefined {
  const all = bindingsOf(a.module, name);
  if (all.length !== 1 || all[0].type !== 'assignment') return undefined;
  const callStatement = statementOf(locate(a.module, call.span(), 'call')!);
  const assign = locate(a.module, all[0].span(), 'assignment');
  const assignStatement = assign && statementOf(assign);
  if (!callStatement || !assignStatement || assignStatement.block !== callStatement.block) return undefined;
  const s = assignStatement.node.span();
  if (s.endLine >= callStatement.node.span().startLine || !startsLine(a, s)) return undefined;
  return insertAt(s.endLine, s.endCol, `\n${indentOf(a, s.startLine)}${name} = ${fix}`);
}

/** The transpose, `expand_dims` or reshape of the inputs the message names. */
export function dataInputFixes(e: RaisedError, cx: FixContext): Draft[] {
  const hint = hintOf(cx.a, e);
  if (!hint || !['hint.dataTranspose', 'hint.dataExpandDims', 'hint.dataReshape'].includes(hint.id)) return [];
  const call = locate(cx.a.module, e.span, 'call')?.node;
  const arg = call && callArguments(call).positional[0];
  const fix = withNumpy(cx.a, hint.args.fix);
  if (!call || !arg || !fix || (!hint.args.fix.includes(`(${arg.text}`) && !hint.args.fix.startsWith(`${arg.text}.`)))
    return [];
  const out: Draft[] = [];
  const name = arg.type === 'identifier' ? arg.text : undefined;
  const made = name && afterAssignment(cx.a, call, name, fix);
  if (made) out.push({ title: cx.t('fix.dataWhereMade', { fix: `${name} = ${fix}` }), edits: [made], preferred: true });
  out.push({ title: cx.t('fix.dataAtCall', { fix }), edits: [replace(arg, fix)] });
  return out;
}

const TWINS: Record<string, string> = {
  categorical_crossentropy: 'sparse_categorical_crossentropy',
  sparse_categorical_crossentropy: 'categorical_crossentropy',
  CategoricalCrossentropy: 'SparseCategoricalCrossentropy',
  SparseCategoricalCrossentropy: 'CategoricalCrossentropy',
};
const LOSS_KEYWORDS = kerasClasses.signatures as Record<string, string[] | null>;

/** The compile call's loss as its twin (`"categorical_crossentropy"` <-> `"sparse_..."`, the classes likewise). */
function twinLoss(cx: FixContext, call: PyNode): { edit: SourceEdit; loss: string } | undefined {
  // The last `MODEL.compile(...)` before the failing `MODEL.fit(...)`, for the same model name.
  const fn = call.childForFieldName('function');
  const owner = fn?.type === 'attribute' ? fn.childForFieldName('object')?.text : undefined;
  let compile: PyNode | undefined;
  const visit = (n: PyNode) => {
    const f = n.type === 'call' ? n.childForFieldName('function') : undefined;
    if (
      f?.type === 'attribute' &&
      f.childForFieldName('attribute')?.text === 'compile' &&
      f.childForFieldName('object')?.text === owner &&
      n.span().startLine < call.span().startLine
    )
      compile = n;
    for (const c of n.children) visit(c);
  };
  if (owner) visit(cx.a.module);
  if (!compile) return undefined;
  const v = argumentValue(compile, 'loss', 1);
  if (!v) return undefined;
  if (v.type === 'string') {
    const text = src(cx.a, v).replace(/^[a-zA-Z]*['"]|['"]$/g, '');
    const twin = TWINS[text];
    return twin ? { edit: replace(v, pyString(cx.a, twin)), loss: pyString(cx.a, twin) } : undefined;
  }
  // `keras.losses.CategoricalCrossentropy(...)`: the twin class, when it takes the same keywords.
  const callee = v.type === 'call' ? v.childForFieldName('function') : v;
  const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
  const twin = last && TWINS[last.text];
  if (!last || !twin || last.type !== 'identifier') return undefined;
  if (v.type === 'call') {
    const takes = LOSS_KEYWORDS[`keras.losses.${twin}`];
    const given = callArguments(v).all;
    const ok = given.every(
      (g) => g.type === 'keyword_argument' && takes?.includes(g.childForFieldName('name')?.text ?? ''),
    );
    if (!ok || !/^[A-Z]/.test(twin)) return undefined;
  }
  const shown = src(cx.a, v).replace(last.text, twin);
  return { edit: replace(last, twin), loss: shown };
}

/** Integer labels with a one-hot loss (and the reverse): the loss's twin, or the labels converted at the call. */
export function dataLabelFixes(e: RaisedError, cx: FixContext): Draft[] {
  const hint = hintOf(cx.a, e);
  if (!hint || (hint.id !== 'hint.labelsToCategorical' && hint.id !== 'hint.labelsSparse')) return [];
  const call = locate(cx.a.module, e.span, 'call')?.node;
  if (!call) return [];
  const out: Draft[] = [];
  const loss = twinLoss(cx, call);
  if (loss) out.push({ title: cx.t('fix.setLoss', { loss: loss.loss }), edits: [loss.edit], preferred: true });
  const y = callArguments(call).positional[1];
  if (!y || y.text !== hint.args.y) return out;
  let wrapped: string | undefined;
  if (hint.id === 'hint.labelsToCategorical') {
    const direct = importBinding(cx.a, 'to_categorical') ? 'to_categorical' : undefined;
    const keras = kerasModuleName(cx.a);
    const fn = direct ?? (keras ? `${keras}.utils.to_categorical` : undefined);
    wrapped = fn && `${fn}(${y.text}, ${hint.args.classes})`;
  } else {
    const np = numpyName(cx.a);
    wrapped = np && `${np}.argmax(${y.text}, axis=-1)`;
  }
  if (wrapped) out.push({ title: cx.t('fix.dataAtCall', { fix: wrapped }), edits: [replace(y, wrapped)] });
  return out;
}
