/**
 * Recurrent cells (`simple_rnn.py`, `lstm.py`, `gru.py`,
 * `stacked_rnn_cells.py`): SimpleRNNCell, LSTMCell, GRUCell and
 * StackedRNNCells, as rules of their own (so `RNN(cell)` can construct
 * them) and as the `CellModel`s that SimpleRNN, LSTM, GRU and RNN drive.
 */

import { truthy, type Args } from '../args';
import { cannotTell, raise } from '../errors';
import type { LayerRule, RuleContext, Weight } from '../rule';
import type { Shape } from '../shape';
import type { CallInputs } from '../tensors';
import { pyTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import {
  cellUnits,
  checkClippedRate,
  checkSeed,
  isKerasLayersName,
  isRecurrentState,
  weight,
  type CellModel,
} from './rnnShared';

export type GateKind = 'simple' | 'lstm' | 'gru';

/** Constructor state of a cell rule. */
export interface CellState {
  kind: 'cell';
  model: CellModel;
  /** `state_size` is a bare number that is no Python int (`SimpleRNNCell(4.0)`, a NumPy integer): `RNN` rejects it. */
  nonIntStateSize: boolean;
}

export function isCellState(s: unknown): s is CellState {
  return typeof s === 'object' && s !== null && (s as { kind?: unknown }).kind === 'cell';
}

const CELL_NAME: Record<GateKind, string> = { simple: 'simple_rnn_cell', lstm: 'lstm_cell', gru: 'gru_cell' };
const CELL_CLASS: Record<GateKind, string> = { simple: 'SimpleRNNCell', lstm: 'LSTMCell', gru: 'GRUCell' };
/** Gates per kind: the kernel is `(input_dim, gates * units)`. */
const GATES: Record<GateKind, number> = { simple: 1, lstm: 4, gru: 3 };

/**
 * What the cell constructor checks (units, dropout rates), and the cell's
 * build/shape model. Shared by the cell rules and by SimpleRNN/LSTM/GRU,
 * whose constructors build the same cell from the same arguments.
 */
export function gateCell(kind: GateKind, a: Args): CellState {
  const unitsArg = a.get('units');
  const numpyUnits = unitsArg.kind === 'int' && unitsArg.numpy !== undefined;
  const units = cellUnits(unitsArg);
  checkClippedRate(a.get('dropout'));
  checkClippedRate(a.get('recurrent_dropout'));
  checkSeed(a.get('seed'));
  const u = units.value;
  const gates = GATES[kind];
  const model: CellModel = {
    className: CELL_CLASS[kind],
    build(step: Shape, path: string): Weight[] {
      const at = `${path}/${CELL_NAME[kind]}`;
      const inputDim = step.length > 0 ? step[step.length - 1] : null;
      const weights = [
        weight(at, 'kernel', [inputDim, u * gates], units.isFloat ? [1] : []),
        weight(at, 'recurrent_kernel', [u, u * gates], units.isFloat ? [0, 1] : []),
      ];
      if (truthy(known(a.get('use_bias')))) {
        // GRU with reset_after keeps separate input and recurrent biases.
        const resetAfter = kind === 'gru' && truthy(known(a.get('reset_after')));
        const floats = units.isFloat ? [resetAfter ? 1 : 0] : [];
        weights.push(weight(at, 'bias', resetAfter ? [2, u * gates] : [u * gates], floats));
      }
      return weights;
    },
    shapes() {
      return { output: [u], states: kind === 'lstm' ? [[u], [u]] : [[u]] };
    },
  };
  if (numpyUnits) model.numpySize = 'checked';
  return { kind: 'cell', model, nonIntStateSize: kind !== 'lstm' && (units.isFloat || numpyUnits) };
}

function known(v: PyValue): PyValue {
  if (v.kind === 'unknown') cannotTell('an argument of the cell is not known statically');
  return v;
}

/**
 * `StackedRNNCells.build`: each cell is built on the previous cell's output
 * `(batch, output_size)`; the stack's output is the last cell's, its states
 * all cells' states in order.
 */
export function stackedCell(cells: Array<CellModel | null>): CellState {
  const chain = (step: Shape, f: (cell: CellModel, input: Shape) => void): Shape => {
    let input = step;
    for (const cell of cells) {
      if (!cell) cannotTell('StackedRNNCells: a cell is a layer this engine cannot run as a cell');
      f(cell, input);
      input = [step[0] ?? null, ...cell.shapes(input).output];
    }
    return input;
  };
  const model: CellModel = {
    className: 'StackedRNNCells',
    build(step, path) {
      const weights: Weight[] = [];
      chain(step, (cell, input) => weights.push(...cell.build(input, `${path}/stacked_rnn_cells`)));
      return weights;
    },
    shapes(step) {
      // `output_size` reads `self.cells[-1]`.
      if (cells.length === 0) raise('indexOutOfRange', { seq: 'list' });
      const states: Shape[] = [];
      const last = chain(step, (cell, input) => states.push(...cell.shapes(input).states));
      return { output: last.slice(1), states };
    },
  };
  return { kind: 'cell', model, nonIntStateSize: false };
}

/**
 * One item of a list of cells (`StackedRNNCells.__init__` checks each has
 * `call` and `state_size`). Returns the cell's model, or null for a recurrent
 * layer (it has both attributes, but running it as a cell is beyond this engine).
 */
export function cellItem(v: PyValue, ctx: RuleContext): CellModel | null {
  if (v.kind === 'unknown' || (v.kind === 'object' && v.called)) cannotTell('a cell is not known statically');
  if (v.kind === 'object' && isKerasLayersName(v.qualname)) {
    // A class (not an instance) has `call` but no `state_size` yet.
    raise('stackedCellNoStateSize', { cell: v });
  }
  if (v.kind !== 'layer') raise('stackedCellNoCall', { cell: v });
  const layer = ctx.construct(v.call);
  if (isCellState(layer.state)) return layer.state.model;
  if (isRecurrentState(layer.state)) return null;
  raise('stackedCellNoStateSize', { cell: v });
}

/** `StackedRNNCells(cells)`: iterates `cells` (a str iterates its characters). */
export function stackItems(v: PyValue): PyValue[] {
  if (v.kind === 'unknown' || v.kind === 'object' || v.kind === 'dict') cannotTell('`cells` is not known statically');
  if (v.kind === 'list' || v.kind === 'tuple') return v.items;
  if (v.kind === 'str') return [...v.value].map((c) => ({ kind: 'str', value: c }));
  raise('notIterable', { type: pyTypeName(v) });
}

/** Calling a cell on a tensor alone: `call(inputs, states)` is missing `states`. */
function callCell(inputs: CallInputs): never {
  if (inputs.args.length === 1 && !('states' in inputs.kwargs)) raise('missingArgumentBind', { name: 'states' });
  cannotTell('calling a recurrent cell directly is not modelled');
}

function cellRule(kind: GateKind): LayerRule {
  return {
    className: CELL_CLASS[kind],
    signature: recordedParams(CELL_CLASS[kind]),
    construct: (a) => gateCell(kind, a),
    call: (_a, inputs) => callCell(inputs),
  };
}

const stackedRnnCells: LayerRule = {
  className: 'StackedRNNCells',
  signature: recordedParams('StackedRNNCells'),
  construct(a, ctx) {
    return stackedCell(stackItems(a.get('cells')).map((v) => cellItem(v, ctx)));
  },
  call: (_a, inputs) => callCell(inputs),
};

export const cellRules: LayerRule[] = [cellRule('simple'), cellRule('lstm'), cellRule('gru'), stackedRnnCells];
