/**
 * Recurrent layers (`keras/src/layers/rnn/`): SimpleRNN, LSTM, GRU, the
 * generic RNN over a cell or a list of cells, and (from their own files)
 * the cells and ConvLSTM1D/2D/3D.
 *
 * Each layer's constructor builds its cell (`gateCell`), and calling it is
 * the InputSpec check followed by `RNN.build` + `compute_output_shape`
 * (`recurrentOutputs`). `initial_state`, `mask` and `training` are accepted
 * and do not change the shapes, as in Keras's symbolic call.
 */

import { cannotTell, raise } from '../errors';
import type { LayerRule, RuleContext } from '../rule';
import type { PyValue } from '../values';
import { recordedParams } from '../signatures';
import { cellItem, cellRules, gateCell, isCellState, stackedCell, type GateKind } from './rnnCells';
import { convLstmRules } from './rnnConvLstm';
import {
  callRecurrent,
  checkIntStateSize,
  checkUseCudnn,
  isKerasLayersName,
  isRecurrentState,
  recurrentState,
  type CellModel,
  type RecurrentState,
} from './rnnShared';

const LAYER_CLASS: Record<GateKind, string> = { simple: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' };

function gateLayer(kind: GateKind): LayerRule {
  return {
    className: LAYER_CLASS[kind],
    signature: recordedParams(LAYER_CLASS[kind]),
    construct(a) {
      const cell = gateCell(kind, a);
      checkIntStateSize(cell.nonIntStateSize);
      if (kind !== 'simple') checkUseCudnn(a.get('use_cudnn'));
      return recurrentState(a, 3, cell.model);
    },
    call: (_a, inputs, _ctx, state) => callRecurrent(state as RecurrentState, inputs),
  };
}

/**
 * `RNN(cell)`: a list/tuple of cells becomes StackedRNNCells; anything
 * without `call` or `state_size` is refused. A recurrent layer passed as the
 * cell has both, so Keras accepts it; calling that is not modelled.
 */
function rnnCell(v: PyValue, ctx: RuleContext): CellModel | null {
  if (v.kind === 'unknown' || (v.kind === 'object' && v.called)) cannotTell('`cell` is not known statically');
  if (v.kind === 'list' || v.kind === 'tuple') return stackedCell(v.items.map((x) => cellItem(x, ctx))).model;
  // A class (not an instance) has no `state_size` attribute yet; a function has no `call`.
  if (v.kind === 'object' && isKerasLayersName(v.qualname)) raise('rnnCellNoStateSize', { cell: v });
  if (v.kind !== 'layer') raise('rnnCellNoCall', { cell: v });
  const layer = ctx.construct(v.call);
  if (isCellState(layer.state)) {
    checkIntStateSize(layer.state.nonIntStateSize);
    return layer.state.model;
  }
  if (isRecurrentState(layer.state)) return null;
  raise('rnnCellNoStateSize', { cell: v });
}

const rnn: LayerRule = {
  className: 'RNN',
  signature: recordedParams('RNN'),
  construct: (a, ctx) => recurrentState(a, null, rnnCell(a.get('cell'), ctx)),
  call: (_a, inputs, _ctx, state) => callRecurrent(state as RecurrentState, inputs),
};

export const rules: LayerRule[] = [
  gateLayer('simple'),
  gateLayer('lstm'),
  gateLayer('gru'),
  rnn,
  ...cellRules,
  ...convLstmRules,
];
