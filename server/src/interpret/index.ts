/**
 * The interpreter's entry point: a syntax tree in, the models the file
 * builds out, every layer tied to its place in the source.
 */

import type { EngineOptions } from '../shapes/args';
import type { Tree } from '../syntax/parser';
import { Interpreter, type Interpretation } from './interpreter';

export type { Interpretation, RaisedError, InterpretWarning } from './interpreter';
export { modelTotals } from './kerasApi';
export type { LayerObj, ModelObj, Span } from './values';

export function interpretTree(tree: Tree, options?: EngineOptions): Interpretation {
  return new Interpreter(options).run(tree);
}
