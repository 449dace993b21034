/**
 * The document syntax the language server keeps edit by edit must be, after
 * every edit, exactly the copy a fresh parse of the whole text gives: every
 * node's type, span, text, field and error mark, in broken states as in valid
 * ones. Seeded random sequences do what typing does: a statement typed
 * character by character on a new line (brackets, strings and blocks open
 * half-way), then erased; a character that breaks brackets, strings or
 * indentation, then removed; pastes of a few lines; deletes across
 * statements; lines indented and dedented; edits at the file's start and end;
 * on files with `\n`, `\r\n` and lone `\r` line ends.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dumpTree, lineStartsOf } from '../../server/src/syntax/ast';
import { AstCache, toAst } from '../../server/src/syntax/treeCopy';
import { DocumentSyntax } from '../../server/src/syntax/chunks';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { programFiles } from '../helpers/programs';
import { REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';
import { modelFile } from '../../scripts/bench-files';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Statements typed on a new line, character by character. */
const STATEMENTS = [
  'x = layers.Dense(32)(x)',
  'model.add(layers.Conv2D(16, (3, 3), padding="same"))',
  'name = \'a string\' + "another"',
  'if x:\n    y = [1, 2,\n         3]\nelse:\n    y = {}',
  'def f(a, *args, b=2):\n    """Doc."""\n    return a',
  'class M(keras.Model):\n    def call(self, x):\n        return x',
  'for i in range(3):\n    pass',
  'else:\n    pass',
  'try:\n    import keras\nexcept ImportError:\n    pass',
  "s = '''multi\nline'''",
  'x = (1,\n     2)  # comment',
  '@decorator\ndef g():\n    pass',
  'with open(p) as f: data = f.read()',
  'y = x[1:2, ::3] if x else lambda z: z',
  '    indented = 1',
  'x = 1; y = 2; z = (',
  '# a comment',
  'return',
  '\\',
];

/** Characters that break the code somewhere, removed again right after. */
const BREAKERS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '"""',
  ':',
  '=',
  ',',
  '\\',
  '#',
  '    ',
  '\t',
  '\n',
  'if ',
  'else:\n',
  '@',
];

/** Applies edits to a text and to a `DocumentSyntax`, and checks the syntax against a fresh parse after each. */
class Session {
  compared = 0;
  broken = 0;
  /** How the last edit was reparsed. */
  path = 'none';

  constructor(
    private readonly parser: PythonParser,
    public text: string,
    readonly doc: DocumentSyntax,
  ) {}

  apply(start: number, end: number, inserted: string): string {
    const removed = this.text.slice(start, end);
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    const windows = this.doc.stats.windowReparses;
    this.doc.edit(start, end, inserted);
    this.path = this.doc.stats.windowReparses > windows ? 'a window' : 'the whole document';
    this.check();
    return removed;
  }

  check(): void {
    assert.strictEqual(this.doc.source, this.text);
    assert.deepStrictEqual(this.doc.lines, lineStartsOf(this.text), 'line starts');
    const fresh = this.parser.parse(this.text);
    try {
      if (fresh.rootNode.hasError) this.broken++;
      this.compared++;
      // Read with the cursor alone: the kept copies read subtrees without errors from memory.
      const expected = dumpTree(toAst(fresh, this.text, 'cursor'));
      const actual = dumpTree(this.doc.module());
      if (actual.join('\n') !== expected.join('\n')) {
        const at = actual.findIndex((line, i) => line !== expected[i]);
        assert.fail(
          `state ${this.compared} (reparsed in ${this.path}) differs from a fresh parse at node ${at}:\n` +
            `  kept:  ${actual[at]}\n  fresh: ${expected[at]}\ntext:\n${JSON.stringify(this.text)}`,
        );
      }
    } finally {
      fresh.delete();
    }
  }
}

/** Offsets where lines start (for picking a place). */
function lineStart(text: string, rand: () => number): number {
  const starts = lineStartsOf(text);
  return starts[Math.floor(rand() * starts.length)];
}

/** One random step of typing. */
function step(s: Session, rand: () => number, eol: string): void {
  const withEol = (t: string) => t.replace(/\n/g, eol);
  const choice = rand();
  if (choice < 0.3) {
    // A statement typed on a new line, then erased.
    const at = lineStart(s.text, rand);
    const statement = withEol(STATEMENTS[Math.floor(rand() * STATEMENTS.length)]);
    s.apply(at, at, eol);
    for (let c = 0; c < statement.length; c++) s.apply(at + c, at + c, statement[c]);
    for (let c = statement.length; c > 0; c--) s.apply(at + c - 1, at + c, '');
    s.apply(at, at + eol.length, '');
  } else if (choice < 0.55) {
    // Break, then repair.
    const at = Math.floor(rand() * (s.text.length + 1));
    const breaker = withEol(BREAKERS[Math.floor(rand() * BREAKERS.length)]);
    s.apply(at, at, breaker);
    s.apply(at, at + breaker.length, '');
  } else if (choice < 0.7) {
    // A paste of a few lines from elsewhere, kept or undone.
    const from = lineStart(s.text, rand);
    const to = Math.min(s.text.length, from + Math.floor(rand() * 300));
    const at = rand() < 0.5 ? lineStart(s.text, rand) : Math.floor(rand() * (s.text.length + 1));
    const pasted = s.text.slice(from, to);
    s.apply(at, at, pasted);
    if (rand() < 0.7 || s.text.length > 20000) s.apply(at, at + pasted.length, '');
  } else if (choice < 0.82) {
    // A delete across statements, undone or not (the text is then grown back by a paste of itself).
    const at = Math.floor(rand() * (s.text.length + 1));
    const end = Math.min(s.text.length, at + Math.floor(rand() * 200));
    const removed = s.apply(at, end, '');
    if (rand() < 0.8) s.apply(at, at, removed);
  } else if (choice < 0.92) {
    // A line indented, or its indentation taken away.
    const at = lineStart(s.text, rand);
    const spaces = /^[ \t]*/.exec(s.text.slice(at))![0];
    if (spaces.length > 0 && rand() < 0.5) {
      s.apply(at, at + spaces.length, '');
      s.apply(at, at, spaces);
    } else {
      s.apply(at, at, '    ');
      s.apply(at, at + 4, '');
    }
  } else {
    // At the very start or end of the file.
    const atEnd = rand() < 0.5;
    const at = atEnd ? s.text.length : 0;
    const typed = withEol(rand() < 0.5 ? BREAKERS[Math.floor(rand() * BREAKERS.length)] : `x = 1${eol}`);
    for (let c = 0; c < typed.length; c++) s.apply(at + c, at + c, typed[c]);
    s.apply(at, at + typed.length, '');
  }
}

describe('document syntax kept edit by edit', function () {
  // Hundreds of parses and copies compared node by node a test: seconds on a quiet machine, more on a busy one.
  this.timeout(120000);
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  const files: Array<[string, string]> = [
    ['seed_model2.py', fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed_model2.py'), 'utf8')],
    ['generated 80-line model', modelFile(80)],
    ...programFiles(path.join(SHARED_TRUTH, 'programs'))
      .filter((_, i) => i % 20 === 3)
      .map((f): [string, string] => [path.basename(f), fs.readFileSync(f, 'utf8')]),
  ];
  const endings: Array<[string, string]> = [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
  ];
  const paths = { window: 0, full: 0, broken: 0 };
  files.forEach(([name, source], fileIndex) =>
    (process.env.SEEDS ? process.env.SEEDS.split(',').map(Number) : [11, 38]).forEach((seed, seedIndex) => {
      const [eolName, eol] = endings[(fileIndex + seedIndex) % endings.length];
      it(`equals a fresh parse after every edit: ${name}, ${eolName} line ends, sequence ${seed}`, () => {
        const rand = lcg(seed * 7919 + fileIndex);
        const text = source.replace(/\r?\n/g, eol);
        const doc = new DocumentSyntax(parser, text);
        try {
          const s = new Session(parser, text, doc);
          s.check();
          while (s.compared < 400) step(s, rand, eol);
          // Small files are reparsed whole (a window would be most of them): the generated model is not.
          if (name.startsWith('generated')) {
            paths.window += doc.stats.windowReparses;
            paths.full += doc.stats.fullReparses;
            paths.broken += s.broken;
          }
          assert.ok(s.broken > 50, `compared ${s.broken} broken states`);
        } finally {
          doc.dispose();
        }
      });
    }),
  );

  it('took the window path for most edits of the generated model, broken states among them', () => {
    assert.ok(paths.window > paths.full, `${paths.window} window reparses, ${paths.full} whole`);
    assert.ok(paths.broken > 200, `${paths.broken} broken states compared`);
  });

  it('types a statement into a large file in windows, copying only what the edit changed', () => {
    const text = modelFile(600);
    const doc = new DocumentSyntax(parser, text);
    try {
      const s = new Session(parser, text, doc);
      const at = lineStartsOf(text)[300];
      const statement = 'x = layers.Dense(32)(x)';
      const copiedBefore = doc.stats.copied;
      s.apply(at, at, '\n');
      for (let c = 0; c < statement.length; c++) s.apply(at + c, at + c, statement[c]);
      // Only the states with an open bracket (`Dense(`, `Dense(3`, `Dense(32`, `(`, `(x`) swallow the rest of
      // the file and reparse it whole; the others, `x = layers.` and `x = layers.Dense` among them, are windows.
      assert.ok(doc.stats.windowReparses >= statement.length + 1 - 7, `${doc.stats.windowReparses} windows`);
      // Each keystroke copies the statement being typed and the few around it that its window recopied.
      assert.ok(
        doc.stats.copied - copiedBefore < 10 * (statement.length + 1),
        `${doc.stats.copied - copiedBefore} copies`,
      );
    } finally {
      doc.dispose();
    }
  });

  it('gives identical statements their own earlier copies back, in order, after a whole reparse', () => {
    const repeated = 'x = layers.BatchNormalization()(x)\n';
    const text = `import keras\nx = keras.Input(shape=(4,))\n${repeated.repeat(4)}y = x\n`;
    // The syntax of an open document: an unclosed bracket swallows the statements after it, then is removed.
    const doc = new DocumentSyntax(parser, text);
    try {
      const before = doc.module().children.slice();
      const at = text.indexOf(repeated);
      doc.edit(at, at, 'x = layers.Dense(');
      assert.ok(doc.module().children.length < before.length, 'the statements swallowed by the bracket');
      doc.edit(at, at + 'x = layers.Dense('.length, '');
      assert.strictEqual(doc.source, text);
      assert.deepStrictEqual(doc.module().children, before, 'the same nodes in the same order');
    } finally {
      doc.dispose();
    }
    // The CLI's cache, built twice over the same text.
    const cache = new AstCache();
    const first = parser.parse(text);
    const second = parser.parse(text);
    try {
      const a = cache.build(first, text, lineStartsOf(text)).children;
      const b = cache.build(second, text, lineStartsOf(text)).children;
      assert.strictEqual(cache.lastCopied, 0);
      a.forEach((node, i) => assert.strictEqual(b[i], node, `statement ${i}`));
    } finally {
      first.delete();
      second.delete();
    }
  });
});
