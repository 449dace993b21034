/**
 * Reading and changing the source for quick fixes: the syntax node at a span
 * with its ancestors, a call's arguments, how the file imports Keras, its
 * indentation and quotes, and edits that add, remove or replace arguments
 * and insert lines. Edits are plain data (0-based spans and new text).
 */

import type { Span } from '../interpret';
import type { PyNode } from '../syntax/ast';
import type { Analysis } from './index';

/** Replace the text of `span` with `newText` (an empty span inserts). */
export interface SourceEdit {
  span: Span;
  newText: string;
}

/** A node and its ancestors, the root first. */
export interface Located {
  node: PyNode;
  ancestors: PyNode[];
}

const within = (inner: Span, outer: Span): boolean =>
  (inner.startLine > outer.startLine || (inner.startLine === outer.startLine && inner.startCol >= outer.startCol)) &&
  (inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endCol <= outer.endCol));

export const sameSpan = (x: Span, y: Span): boolean =>
  x.startLine === y.startLine && x.startCol === y.startCol && x.endLine === y.endLine && x.endCol === y.endCol;

/** The outermost node of `type` whose span is exactly `span` (or, with `containing`, the innermost containing it). */
export function locate(root: PyNode, span: Span, type: string, containing = false): Located | undefined {
  let found: Located | undefined;
  const ancestors: PyNode[] = [];
  const visit = (node: PyNode): boolean => {
    const s = node.span();
    if (!within(span, s)) return false;
    if (node.type === type && (containing || sameSpan(s, span))) {
      found = { node, ancestors: [...ancestors] };
      if (!containing) return true;
    }
    ancestors.push(node);
    for (const c of node.children) if (visit(c)) return true;
    ancestors.pop();
    return false;
  };
  visit(root);
  return found;
}

export const parentOf = (l: Located): PyNode | undefined => l.ancestors[l.ancestors.length - 1];

/** The arguments of a call: positional ones in order, keyword ones by name. */
export function callArguments(call: PyNode): { list: PyNode | null; all: PyNode[]; positional: PyNode[] } {
  const list = call.childForFieldName('arguments');
  const all = list?.type === 'argument_list' ? list.namedChildren.filter((c) => c.type !== 'comment') : [];
  return { list, all, positional: all.filter((c) => c.type !== 'keyword_argument' && !/splat/.test(c.type)) };
}

export function keywordArgument(call: PyNode, name: string): PyNode | undefined {
  return callArguments(call).all.find(
    (c) => c.type === 'keyword_argument' && c.childForFieldName('name')?.text === name,
  );
}

/** The value written for parameter `name` (by keyword, or at `position`). */
export function argumentValue(call: PyNode, name: string, position?: number): PyNode | undefined {
  const kw = keywordArgument(call, name);
  if (kw) return kw.childForFieldName('value') ?? undefined;
  return position === undefined ? undefined : callArguments(call).positional[position];
}

const point = (line: number, col: number): Span => ({ startLine: line, startCol: col, endLine: line, endCol: col });

export const insertAt = (line: number, col: number, text: string): SourceEdit => ({
  span: point(line, col),
  newText: text,
});
export const replace = (node: PyNode, text: string): SourceEdit => ({ span: node.span(), newText: text });

/** Adds `name=value` as the call's last argument. */
export function addKeyword(call: PyNode, keyword: string): SourceEdit | undefined {
  const { list, all } = callArguments(call);
  if (!list || list.type !== 'argument_list') return undefined;
  const last = all[all.length - 1];
  if (!last) {
    const s = list.span();
    return insertAt(s.startLine, s.startCol + 1, keyword);
  }
  const e = last.span();
  return insertAt(e.endLine, e.endCol, `, ${keyword}`);
}

/** Removes one argument with the comma that joins it to its neighbour. */
export function removeArgument(call: PyNode, arg: PyNode): SourceEdit | undefined {
  const { list, all } = callArguments(call);
  const i = all.indexOf(arg);
  if (!list || i < 0) return undefined;
  const a = arg.span();
  if (i > 0) {
    const prev = all[i - 1].span();
    return {
      span: { startLine: prev.endLine, startCol: prev.endCol, endLine: a.endLine, endCol: a.endCol },
      newText: '',
    };
  }
  if (all.length > 1) {
    const next = all[1].span();
    return {
      span: { startLine: a.startLine, startCol: a.startCol, endLine: next.startLine, endCol: next.startCol },
      newText: '',
    };
  }
  // The only argument: everything between the parentheses goes (a trailing comma too).
  const l = list.span();
  return {
    span: { startLine: l.startLine, startCol: l.startCol + 1, endLine: l.endLine, endCol: l.endCol - 1 },
    newText: '',
  };
}

/** Sets a keyword argument: replaces its value when written, else adds it. */
export function setKeyword(call: PyNode, name: string, value: string): SourceEdit | undefined {
  const kw = keywordArgument(call, name);
  const v = kw?.childForFieldName('value');
  return v ? replace(v, value) : addKeyword(call, `${name}=${value}`);
}

/** The source text of a node (only leaves and names keep their own text in the syntax copy). */
export function src(a: Analysis, node: PyNode): string {
  const s = node.span();
  return a.text.slice((a.lineStarts[s.startLine] ?? 0) + s.startCol, (a.lineStarts[s.endLine] ?? 0) + s.endCol);
}

/** The text of a line. */
export function lineText(a: Analysis, line: number): string {
  const start = a.lineStarts[line] ?? a.text.length;
  const end = a.lineStarts[line + 1] ?? a.text.length + 1;
  return a.text.slice(start, end - 1).replace(/\r$/, '');
}

/** The leading whitespace of a line. */
export const indentOf = (a: Analysis, line: number): string => /^[ \t]*/.exec(lineText(a, line))![0];

/** True when only whitespace comes before `span` on its line. */
export const startsLine = (a: Analysis, span: Span): boolean =>
  lineText(a, span.startLine).slice(0, span.startCol).trim() === '';

/** Each analysis's quote, found once: a file's fixes ask for it each, and each walk is the whole module. */
const quotes = new WeakMap<Analysis, string>();

/** The quote the file's strings mostly use. */
export function quoteOf(a: Analysis): string {
  let quote = quotes.get(a);
  if (quote === undefined) quotes.set(a, (quote = countQuotes(a)));
  return quote;
}

function countQuotes(a: Analysis): string {
  let single = 0;
  let double = 0;
  const visit = (n: PyNode) => {
    if (n.type === 'string') {
      const q = /^[a-zA-Z]*(['"])/.exec(src(a, n))?.[1];
      if (q === "'") single++;
      else if (q === '"') double++;
      return;
    }
    for (const c of n.children) visit(c);
  };
  visit(a.module);
  return single > double ? "'" : '"';
}

/** A Python string literal of `value` in the file's quotes. */
export const pyString = (a: Analysis, value: string): string => `${quoteOf(a)}${value}${quoteOf(a)}`;

/** The top-level statements of the module (the ones inside `if __name__ ...` blocks are not imports we extend). */
const topLevel = (a: Analysis): PyNode[] => a.module.namedChildren;

/** The name the file binds to the `keras` package, if any: `keras`, `K`, `tf.keras`. */
export function kerasModuleName(a: Analysis): string | undefined {
  for (const s of topLevel(a)) {
    if (s.type === 'import_statement') {
      for (const c of s.namedChildren) {
        if (c.type === 'dotted_name' && c.text === 'keras') return 'keras';
        if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text;
          const alias = c.childForFieldName('alias')?.text;
          if ((name === 'keras' || name === 'tensorflow.keras') && alias) return alias;
          if (name === 'tensorflow' && alias) return `${alias}.keras`;
        }
        if (c.type === 'dotted_name' && c.text === 'tensorflow') return 'tensorflow.keras';
      }
    } else if (s.type === 'import_from_statement' && s.childForFieldName('module_name')?.text === 'tensorflow') {
      if (importedNames(s).some((n) => n.name === 'keras' && n.bound === 'keras')) return 'keras';
    }
  }
  return undefined;
}

/** The names of a `from M import ...` statement: each imported name and the name it binds. */
export function importedNames(statement: PyNode): Array<{ node: PyNode; name: string; bound: string }> {
  const moduleNode = statement.childForFieldName('module_name');
  return statement.namedChildren
    .filter((c) => c !== moduleNode && (c.type === 'dotted_name' || c.type === 'aliased_import'))
    .map((c) =>
      c.type === 'dotted_name'
        ? { node: c, name: c.text, bound: c.text }
        : {
            node: c,
            name: c.childForFieldName('name')?.text ?? '',
            bound: c.childForFieldName('alias')?.text ?? '',
          },
    );
}

/** The top-level `from ... import` statement that binds `name`, if any. */
export function importBinding(a: Analysis, name: string): { statement: PyNode; module: string } | undefined {
  for (const s of topLevel(a)) {
    if (s.type !== 'import_from_statement') continue;
    if (importedNames(s).some((n) => n.bound === name))
      return { statement: s, module: s.childForFieldName('module_name')?.text ?? '' };
  }
  return undefined;
}

/**
 * How to write another class of the module a layer's class was written from,
 * in the file's own style: `layers.Flatten` beside `layers.Dense`, `Flatten`
 * beside a bare `Dense` (adding it to the `from ... import` line that imports
 * `Dense` when it is not imported yet). Undefined when the style cannot be told.
 */
export function sibling(
  a: Analysis,
  callee: PyNode,
  className: string,
): { text: string; edits: SourceEdit[] } | undefined {
  if (callee.type === 'attribute') {
    const object = callee.childForFieldName('object');
    return object ? { text: `${src(a, object)}.${className}`, edits: [] } : undefined;
  }
  if (callee.type !== 'identifier') return undefined;
  if (importBinding(a, className)) return { text: className, edits: [] };
  const from = importBinding(a, callee.text);
  if (!from) return undefined;
  const names = importedNames(from.statement);
  const last = names[names.length - 1].node.span();
  return { text: className, edits: [insertAt(last.endLine, last.endCol, `, ${className}`)] };
}

/** Applies non-overlapping edits to a text (for tests and the command line). */
export function applyEdits(text: string, lineStarts: number[], edits: SourceEdit[]): string {
  const offset = (line: number, col: number) => (lineStarts[line] ?? text.length) + col;
  const sorted = edits
    .map((e) => ({
      start: offset(e.span.startLine, e.span.startCol),
      end: offset(e.span.endLine, e.span.endCol),
      text: e.newText,
    }))
    .sort((x, y) => y.start - x.start || y.end - x.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
