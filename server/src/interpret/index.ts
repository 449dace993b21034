/**
 * The interpreter's entry point: a syntax tree in, the models the file
 * builds out, every layer tied to its place in the source. It wires the
 * Python evaluator (`python/`) to the Keras API (`keras/`), its host.
 */

import type { DataHint } from './keras/dataChecks';
import type { DataCall } from './keras/dataRecords';
import type { Shape } from '../shapes/shape';
import type { EngineOptions } from '../shapes/args';
import type { Constructed } from '../shapes/engine';
import type { PyNode } from '../syntax/ast';
import { KerasApi } from './keras/api';
import { Interpreter } from './python/interpreter';
import type { ModuleLoader } from './python/modules';
import { runModule, type RunOutcome } from './python/run';
import { ResumableRuns, type ResumeStats } from './incremental/resume';
import { viewOf } from './incremental/reuse';
import type { AnalysisNote } from './python/limits';
import { PyRaise, type RaisedError } from './python/signals';
import type { SummaryModel } from './keras/summaryRows';
import type { LayerObj, ModelObj, Span } from './values';

export { runModule } from './python/run';
export type { ErrorCheck, RaisedError } from './python/signals';
export type { AnalysisNote, NoteKind } from './python/limits';
export type { ModuleLoader, ModuleSource } from './python/modules';
export { modelTotals } from './keras/records';
export type { SummaryModel, SummaryRow } from './keras/summaryRows';
export type { LayerObj, ModelObj, Span } from './values';
export type { DataCall, DataPart } from './keras/dataRecords';
export type { ResumeStats } from './incremental/resume';

export interface Interpretation {
  /** Every model built, including those of functions run only for hints. */
  models: ModelObj[];
  layers: LayerObj[];
  /** What `model.summary()` prints for each model the file itself builds, when its run ends. */
  summary: SummaryModel[];
  error: RaisedError | null;
  /** Where the limits stopped the analysis following values (a note on each line). */
  incomplete: AnalysisNote[];
  /** The workspace files the run imported, as the loader named them (a change in one changes this result). */
  imports: string[];
  /** What would cure the data errors raised at `fit`/`predict`, by the call's span. */
  dataHints: DataHint[];
  /** The data methods called on models, with their data; and each place a name was bound to an array. */
  dataCalls: DataCall[];
  /** `shape` undefined: the name was bound to something other than an array there. */
  arrays: Array<{ name: string; span: Span; shape: Shape | null | undefined }>;
}

/** A Python evaluator whose host is the Keras API, and that API. */
export function createInterpreter(
  options?: EngineOptions,
  loader?: ModuleLoader,
): { interp: Interpreter; keras: KerasApi } {
  let keras: KerasApi | undefined;
  const interp = new Interpreter((evaluator) => (keras = new KerasApi(evaluator, options)), loader);
  return { interp, keras: keras! };
}

/** Runs a file; `loader` finds the workspace modules it imports (without one, they are unknown). */
export function interpretModule(module: PyNode, options?: EngineOptions, loader?: ModuleLoader): Interpretation {
  const { interp, keras } = createInterpreter(options, loader);
  keras.program = module;
  return interpretationOf(interp, keras, runModule(interp, module));
}

/**
 * The runs of one document as it is edited (`incremental/`): each gives what
 * `interpretModule` gives for its module, taking over a run of the first
 * statements made ahead of time (`step`, in idle moments) when they are the same.
 */
export class IncrementalInterpreter {
  private readonly runs: ResumableRuns;

  /** `minPrefix`: the fewest top-level statements worth running ahead (tests take 1). */
  constructor(minPrefix?: number) {
    this.runs = new ResumableRuns(minPrefix);
  }

  get stats(): ResumeStats {
    return this.runs.stats;
  }

  /** Whether `step` has work left. */
  get pending(): boolean {
    return this.runs.pending;
  }

  /** Forgets what was run ahead (a workspace module the document imports changed). */
  clear(): void {
    this.runs.clear();
  }

  /** Runs ahead for about `ms` milliseconds; true while there is more to run. */
  step(ms: number): boolean {
    return this.runs.step(ms);
  }

  interpret(module: PyNode, options?: EngineOptions, loader?: ModuleLoader): Interpretation {
    return this.runs.run(module, options, loader);
  }
}

function interpretationOf(interp: Interpreter, keras: KerasApi, outcome: RunOutcome): Interpretation {
  return viewOf(interp, keras, outcome);
}

/**
 * Evaluates one expression that constructs a layer (`layers.Dense(8)`), with
 * `layers` bound to `keras.layers` and `np` to NumPy: what the engine made of the constructor call.
 */
export function evaluateLayerExpression(expr: PyNode | undefined, options?: EngineOptions): Constructed {
  if (!expr) return { status: 'unknown', reason: 'no expression' };
  const { interp } = createInterpreter(options);
  interp.moduleScope.set('layers', { kind: 'ref', qualname: 'keras.layers' });
  interp.moduleScope.set('np', { kind: 'ref', qualname: 'numpy' });
  try {
    const v = interp.eval(expr, interp.moduleScope);
    return v.kind === 'layer' ? v.layer.constructed : { status: 'unknown', reason: 'not a layer constructor call' };
  } catch (e) {
    if (e instanceof PyRaise) return { status: 'error', error: { ...e.check, pyType: e.pyType, message: e.message } };
    throw e;
  }
}
