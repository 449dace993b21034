/**
 * The interpreter's entry point: a syntax tree in, the models the file
 * builds out, every layer tied to its place in the source.
 */

import type { EngineOptions } from '../shapes/args';
import type { PyNode } from '../syntax/ast';
import type { Constructed } from '../shapes/engine';
import { Interpreter, PyRaise, type Interpretation } from './interpreter';

export type { Interpretation, RaisedError } from './interpreter';
export { modelTotals } from './kerasApi';
export type { SummaryModel, SummaryRow } from './summaryRows';
export type { LayerObj, ModelObj, Span } from './values';

export function interpretModule(module: PyNode, options?: EngineOptions): Interpretation {
  return new Interpreter(options).run(module);
}

/**
 * Evaluates one expression that constructs a layer (`layers.Dense(8)`), with
 * `layers` bound to `keras.layers`: what the engine made of the constructor call.
 */
export function evaluateLayerExpression(expr: PyNode | undefined, options?: EngineOptions): Constructed {
  if (!expr) return { status: 'unknown', reason: 'no expression' };
  const interp = new Interpreter(options);
  interp.moduleScope.set('layers', { kind: 'ref', qualname: 'keras.layers' });
  try {
    const v = interp.eval(expr, interp.moduleScope);
    return v.kind === 'layer' ? v.layer.constructed : { status: 'unknown', reason: 'not a layer constructor call' };
  } catch (e) {
    if (e instanceof PyRaise) return { status: 'error', error: { pyType: e.pyType, message: e.message } };
    throw e;
  }
}
