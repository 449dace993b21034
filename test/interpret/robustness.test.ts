/**
 * Broken input gives what can be known and never a crash or a hang:
 * half-typed code, unclosed brackets, random bytes, huge files, recursion,
 * endless loops.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics, inlayHints, summary } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { programFiles, readProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH, SHARED_TRUTH } from '../helpers/truth';

const SEED = `import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
`;

/** A deterministic pseudo-random generator, so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('robustness', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('a half-typed last line keeps the model above it', () => {
    const a = analyze(`${SEED}model.add(layers.Dense(`, parser);
    const models = summary(a);
    assert.strictEqual(models.length, 1);
    assert.deepStrictEqual(
      models[0].layers.map((r) => r.class),
      ['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'],
    );
    assert.deepStrictEqual(
      diagnostics(a).filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('an unclosed bracket gives no crash and no error diagnostic', () => {
    const text = SEED.replace('layers.Flatten(),', 'layers.Flatten(,');
    const a = analyze(text, parser);
    assert.ok(Array.isArray(summary(a)));
    assert.deepStrictEqual(
      diagnostics(a).filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('every prefix of a model file analyses without throwing or false errors', () => {
    for (let i = 0; i <= SEED.length; i += 3) {
      const prefix = SEED.slice(0, i);
      const a = analyze(prefix, parser);
      const errors = diagnostics(a).filter((d) => d.severity === 'error');
      // A name cut short on the line being typed (`from keras import la`, `keras.Seq`) is one Keras's
      // modules do not have: Python refuses that text too.
      const lastLine = prefix.split('\n').length;
      const nameBeingTyped =
        /^(ModuleNotFoundError|ImportError|AttributeError)$/.test(a.interpretation.error?.pyType ?? '') &&
        errors.every((d) => d.line === lastLine);
      if (!nameBeingTyped) assert.deepStrictEqual(errors, [], `prefix of ${i} characters`);
    }
  });

  it('every whole-line prefix of every recorded program has no error off the line Keras raises on', function () {
    // Thousands of whole analyses: a minute on a quiet machine, more on a busy one; mocha's 20 s is too tight.
    this.timeout(300000);
    // A file typed top to bottom: each prefix runs in Python up to where the whole program would fail, or not at all.
    const dirs = [path.join(SHARED_TRUTH, 'programs'), path.join(LOCAL_TRUTH, 'programs')].filter((d) =>
      fs.existsSync(d),
    );
    const wrong: string[] = [];
    let prefixes = 0;
    for (const file of dirs.flatMap(programFiles)) {
      const truth = readProgramTruth(file);
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      for (let k = 1; k <= lines.length; k++) {
        prefixes++;
        for (const d of diagnostics(analyze(`${lines.slice(0, k).join('\n')}\n`, parser))) {
          if (d.severity === 'error' && d.line !== truth.error?.line)
            wrong.push(`${path.basename(file)}, first ${k} lines: error on line ${d.line}: ${d.message}`);
        }
      }
    }
    assert.ok(prefixes > 1000, `only ${prefixes} prefixes`);
    assert.deepStrictEqual(wrong, []);
  });

  it('a try being typed, still without except, reports nothing in its body', () => {
    const a = analyze('import keras\ntry:\n    from keras.layers.core import Dense\n', parser);
    assert.deepStrictEqual(
      diagnostics(a).filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('hints go on past an import being typed at the top of a file', () => {
    const a = analyze(`from keras.layers import De\n${SEED}`, parser);
    assert.strictEqual(a.interpretation.error?.pyType, 'ImportError');
    assert.deepStrictEqual(summary(a), [], 'Python stops at the import: no model is built');
    assert.ok(
      inlayHints(a).some((h) => h.label.startsWith('→ ')),
      'the lines below still have hints',
    );
  });

  it('random bytes give an empty answer', () => {
    const rand = lcg(7);
    for (let k = 0; k < 20; k++) {
      const bytes = Array.from({ length: 2000 }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
      const a = analyze(bytes, parser);
      assert.deepStrictEqual(summary(a), []);
    }
  });

  it('a 20,000-line file finishes and finds its model', () => {
    const filler = Array.from({ length: 20000 }, (_, i) => `v${i} = ${i} * 2`).join('\n');
    const a = analyze(`${SEED}${filler}\n`, parser);
    assert.strictEqual(summary(a).length, 1);
  });

  it('a function calling itself stops at the depth limit', () => {
    const text = `${SEED}\ndef f(n):\n    return f(n + 1)\n\nf(0)\nmodel2 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])\n`;
    const a = analyze(text, parser);
    assert.deepStrictEqual(
      summary(a).map((m) => m.kind),
      ['Sequential', 'Sequential'],
    );
  });

  it('an endless loop stops at the work limit', () => {
    const a = analyze(`${SEED}\nwhile True:\n    model.add(layers.Dense(4))\n`, parser);
    assert.ok(a.interpretation.incomplete.length > 0, 'the analysis says it stopped early');
    assert.strictEqual(summary(a).length, 1);
  });
});
