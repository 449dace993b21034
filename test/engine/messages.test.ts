/**
 * The error catalogue (`server/src/shapes/messages/`): each kind is defined
 * once and raised somewhere, every raise in the engine and every error the
 * interpreter makes names a kind (no message is written at a raise site),
 * and the printers of Python values the messages use agree with what Python
 * printed (`test/truth/python-printing/`).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { MESSAGE_FAMILIES, MESSAGES } from '../../server/src/shapes/messages';
import { numpyArrayStr, pySetStr } from '../../server/src/shapes/messages/python';
import type { PyValue } from '../../server/src/shapes/values';
import { LOCAL_TRUTH, REPO_ROOT } from '../helpers/truth';

const SHAPES = path.join(REPO_ROOT, 'server', 'src', 'shapes');
const INTERPRET = path.join(REPO_ROOT, 'server', 'src', 'interpret');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The sources that raise: the engine's and the interpreter's (the catalogue and `errors.ts` aside). */
function raisingSources(): Array<{ file: string; source: ts.SourceFile }> {
  return [...sourceFiles(SHAPES), ...sourceFiles(INTERPRET)]
    .filter((file) => !file.includes(`${path.sep}messages${path.sep}`) && path.basename(file) !== 'errors.ts')
    .map((file) => ({
      file,
      source: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true),
    }));
}

/** Every node of those sources that `test` picks, with its place. */
function nodesWhere<T extends ts.Node>(test: (node: ts.Node) => node is T): Array<{ where: string; node: T }> {
  const out: Array<{ where: string; node: T }> = [];
  for (const { file, source } of raisingSources()) {
    const visit = (node: ts.Node): void => {
      if (test(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        out.push({ where: `${path.relative(REPO_ROOT, file)}:${line + 1}`, node });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Every `raise(kind, data)` (a rule's) and `errorOf(kind, data)` (the interpreter's) call. */
function raiseCalls(): Array<{ where: string; call: ts.CallExpression }> {
  return nodesWhere(
    (node): node is ts.CallExpression =>
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 'raise' || node.expression.text === 'errorOf'),
  ).map(({ where, node }) => ({ where, call: node }));
}

/** The kinds a raise's first argument can name: a string literal, or the branches of a conditional. */
function kindsNamed(arg: ts.Expression): string[] | null {
  if (ts.isStringLiteral(arg)) return [arg.text];
  if (ts.isParenthesizedExpression(arg)) return kindsNamed(arg.expression);
  if (ts.isConditionalExpression(arg)) {
    const a = kindsNamed(arg.whenTrue);
    const b = kindsNamed(arg.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  return null;
}

describe('error catalogue', () => {
  const calls = raiseCalls();

  it('defines each kind in one family only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [family, entries] of Object.entries(MESSAGE_FAMILIES)) {
      for (const kind of Object.keys(entries)) {
        if (seen.has(kind)) twice.push(`${kind}: ${seen.get(kind)} and ${family}`);
        seen.set(kind, family);
      }
    }
    assert.deepStrictEqual(twice, []);
    assert.strictEqual(seen.size, Object.keys(MESSAGES).length);
  });

  it('finds the raise sites it checks', () => {
    assert.ok(calls.length > 250, `${calls.length} raise calls`);
  });

  it('has every raise in the engine and the interpreter name a kind and pass its data, never a text', () => {
    const wrong: string[] = [];
    for (const { where, call } of calls) {
      const kinds = call.arguments.length === 2 ? kindsNamed(call.arguments[0]) : null;
      if (!kinds || !ts.isObjectLiteralExpression(call.arguments[1]))
        wrong.push(`${where}: ${call.getText().slice(0, 80)}`);
      else for (const k of kinds) if (!(k in MESSAGES)) wrong.push(`${where}: unknown kind ${k}`);
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('has no interpreter or engine file make an error from a text of its own', () => {
    // An error is made by the catalogue only: no error class constructed with a text, no error-shaped object literal.
    const made = nodesWhere(
      (node): node is ts.Node =>
        (ts.isNewExpression(node) &&
          ts.isIdentifier(node.expression) &&
          ['KerasError', 'PyRaise', 'AppRaise'].includes(node.expression.text) &&
          (node.arguments ?? []).some((a) => ts.isStringLiteralLike(a) || ts.isTemplateExpression(a))) ||
        (ts.isObjectLiteralExpression(node) &&
          ['pyType', 'message'].every((name) =>
            node.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name),
          ) &&
          !node.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'kind')),
    );
    // A message read from an error passed on (`{ ...e.check, pyType: e.pyType, message: e.message }`) is no new text.
    const wrong = made.filter(({ node }) => !/\bmessage: e\.message\b/.test(node.getText()));
    assert.deepStrictEqual(
      wrong.map(({ where, node }) => `${where}: ${node.getText().slice(0, 80)}`),
      [],
    );
  });

  it('raises every kind it defines somewhere', () => {
    const raised = new Set(calls.flatMap(({ call }) => kindsNamed(call.arguments[0]) ?? []));
    assert.deepStrictEqual(
      Object.keys(MESSAGES).filter((k) => !raised.has(k)),
      [],
    );
  });
});

interface Printing {
  sets: Array<{ items: Array<string | number>; built: string }>;
  keras_sets: Array<{ where: string; items: string[]; str: string }>;
  arrays: Array<{ items: Array<number | null>; str: string }>;
}

const value = (x: string | number): PyValue =>
  typeof x === 'string'
    ? { kind: 'str', value: x }
    : Number.isInteger(x)
      ? { kind: 'int', value: x }
      : { kind: 'float', value: x };

describe('Python printing of message values', () => {
  const record = JSON.parse(
    fs.readFileSync(path.join(LOCAL_TRUTH, 'python-printing', 'printing.json'), 'utf8'),
  ) as Printing;

  it('orders a set built item by item as CPython does', () => {
    const wrong = record.sets
      .map((s) => ({ items: s.items, got: pySetStr(s.items.map(value)), want: s.built }))
      .filter((r) => r.got !== r.want);
    assert.deepStrictEqual(wrong, []);
    assert.ok(record.sets.length > 40);
  });

  it("orders the set displays of Keras's source as Keras prints them", () => {
    const wrong = record.keras_sets
      .map((s) => ({ where: s.where, got: pySetStr(s.items.map(value), true), want: s.str }))
      .filter((r) => r.got !== r.want);
    assert.deepStrictEqual(wrong, []);
  });

  it('prints a NumPy array made from a shape as NumPy does', () => {
    // A float that is an integer is recorded by JSON as an int: the record's text says which were floats.
    const wrong = record.arrays
      .map((a) => {
        const floats = /\d\.(\s|\]|\d)/.test(a.str) && !a.items.includes(null);
        const items = a.items.map((x) => (floats && x !== null ? { float: x } : x));
        return { got: numpyArrayStr(items), want: a.str };
      })
      .filter((r) => r.got !== r.want);
    assert.deepStrictEqual(wrong, []);
  });
});
