/**
 * The shared Python/Keras toolkit (server/src/shapes/python/) against what
 * Python and Keras themselves give: test/truth/python-toolkit/toolkit.json,
 * recorded by its record.py (float and string repr, `%`, Keras's
 * `to_snake_case`, `standardize_tuple`, `standardize_data_format`).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createInterpreter } from '../../server/src/interpret';
import { toPy } from '../../server/src/interpret/values';
import { CannotTell, KerasError } from '../../server/src/shapes/errors';
import { toSnakeCase } from '../../server/src/shapes/naming';
import { numValue, pyMod, type PyNum } from '../../server/src/shapes/python/numbers';
import { floatRepr, strRepr } from '../../server/src/shapes/python/text';
import { standardizeDataFormat, standardizeTuple } from '../../server/src/shapes/python/validation';
import { pyRepr, type PyValue } from '../../server/src/shapes/values';
import { toAst } from '../../server/src/syntax/treeCopy';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { LOCAL_TRUTH } from '../helpers/truth';

type Outcome = string | [string, string];

interface ToolkitTruth {
  float_repr: Array<[string, string]>;
  str_repr: Array<[string, string]>;
  mod: Array<[string, string, Outcome]>;
  snake_case: Array<[string, string]>;
  standardize_tuple: Array<[string, number, boolean, Outcome]>;
  standardize_data_format: Array<[string, Outcome]>;
}

/** `repr()` of the tuple Keras's `standardize_tuple` returns. */
function tupleRepr(nums: PyNum[]): string {
  return pyRepr({ kind: 'tuple', items: nums.map(numValue) });
}

const TRUTH = JSON.parse(
  fs.readFileSync(path.join(LOCAL_TRUTH, 'python-toolkit', 'toolkit.json'), 'utf8'),
) as ToolkitTruth;

/** A Python literal as the engine receives it, read by the interpreter. */
function literal(parser: PythonParser, source: string): PyValue {
  const tree = parser.parse(source);
  try {
    const expr = toAst(tree, source).namedChildren[0]?.namedChildren[0];
    const { interp } = createInterpreter();
    return toPy(interp.eval(expr, interp.moduleScope));
  } finally {
    tree.delete();
  }
}

/** What a toolkit function gives, in the record's terms: Python's repr, or the exception Keras would raise. */
function outcome(run: () => string): Outcome | 'cannot tell' {
  try {
    return run();
  } catch (e) {
    if (e instanceof KerasError) return [e.pyType, e.message];
    if (e instanceof CannotTell) return 'cannot tell';
    throw e;
  }
}

function number(text: string): number {
  return text === 'inf' ? Infinity : text === '-inf' ? -Infinity : text === 'nan' ? NaN : Number(text);
}

describe('the Python/Keras toolkit against Python and Keras', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it("prints floats and strings as Python's repr does", () => {
    const wrong: string[] = [];
    for (const [text, want] of TRUTH.float_repr)
      if (floatRepr(number(text)) !== want) wrong.push(`float ${text}: ${floatRepr(number(text))}, Python ${want}`);
    for (const [s, want] of TRUTH.str_repr)
      if (strRepr(s) !== want) wrong.push(`str ${JSON.stringify(s)}: ${strRepr(s)}, Python ${want}`);
    assert.deepStrictEqual(wrong, []);
  });

  it("computes `%` as Python does, and raises Python's ZeroDivisionError", () => {
    const wrong: string[] = [];
    for (const [a, b, want] of TRUTH.mod) {
      const [x, y] = [literal(parser, a), literal(parser, b)];
      const num = (v: PyValue) =>
        v.kind === 'int' || v.kind === 'float' ? v.value : Number(v.kind === 'bool' && v.value);
      const isFloat = x.kind === 'float' || y.kind === 'float';
      const got = outcome(() => {
        const r = pyMod(num(x), num(y), isFloat);
        return isFloat ? floatRepr(r) : String(r);
      });
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(`${a} % ${b}: ${JSON.stringify(got)}, Python ${JSON.stringify(want)}`);
    }
    assert.deepStrictEqual(wrong, []);
  });

  it("names as Keras's to_snake_case does, for every public class of Keras's main modules", () => {
    const wrong = TRUTH.snake_case.filter(([name, want]) => toSnakeCase(name) !== want);
    assert.ok(TRUTH.snake_case.length > 200);
    assert.deepStrictEqual(wrong, []);
  });

  it('standardizes tuples and data formats as Keras does, word for word', () => {
    const wrong: string[] = [];
    for (const [v, n, allowZero, want] of TRUTH.standardize_tuple) {
      const got = outcome(() => tupleRepr(standardizeTuple(literal(parser, v), n, 'size', allowZero)));
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(
          `standardize_tuple(${v}, ${n}, allow_zero=${allowZero}): ${JSON.stringify(got)}, Keras ${JSON.stringify(want)}`,
        );
    }
    for (const [v, want] of TRUTH.standardize_data_format) {
      const got = outcome(() => strRepr(standardizeDataFormat(literal(parser, v), 'channels_last')));
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(`standardize_data_format(${v}): ${JSON.stringify(got)}, Keras ${JSON.stringify(want)}`);
    }
    assert.deepStrictEqual(wrong, []);
  });
});
