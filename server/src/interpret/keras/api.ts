/**
 * The Keras API as the Python evaluator's host (`python/host.ts`): the state
 * of one run (the models and layers the file makes, Keras's name counters,
 * the engine options) and the answers to what the evaluator asks about
 * library values, each routed to the file of this folder (or of `ops/`,
 * `numpy/`) that models it. Shapes and errors come from the shape engine.
 */

import type { SavedModel } from './saving';
import type { CheckedError } from '../../shapes/errors';
import { DEFAULT_OPTIONS, type EngineOptions } from '../../shapes/args';
import { toSnakeCase } from '../../shapes/naming';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { arrayBinary, arrayGetItem } from '../numpy/arrays';
import { pandasGetItem } from '../numpy/pandas';
import type { DataHint } from './dataChecks';
import type { DataCall } from './dataRecords';
import { callOperator, callUnaryOperator } from '../ops/operators';
import { callOp } from '../ops/ops';
import type { ImportedPaths, LibraryHost } from '../python/host';
import type { Interpreter } from '../python/interpreter';
import type { Scope } from '../python/scope';
import {
  asInt,
  asItems,
  newLayerRecord,
  UNKNOWN,
  type ClassObj,
  type InstanceObj,
  type LayerObj,
  type ModelObj,
  type Span,
  type Value,
} from '../values';
import { callMethod, getAttribute, modelAttribute, setAttribute, trackListItems } from './attributes';
import { kerasIsInstance } from './kerasClasses';
import { moduleImportError, nameImportError, unjudged } from './kerasModules';
import { callBuiltinLayer } from './layerCalls';
import { constructRemembered } from './layers';
import { callLibrary, MERGE_FUNCTIONS } from './library';
import { callModel } from './modelCalls';
import { canonicalName } from './names';
import { callInstance, kerasBases, kerasInstance } from './subclass';
import { summarizeModel, type SummaryModel } from './summaryRows';

/**
 * Keras's name counters, with a log of every change (the stem, the count before and after), so that
 * the counts each statement read and left can be replayed (`interpret/incremental/reuse.ts`).
 */
export class NameCounts extends Map<string, number> {
  readonly stems: string[] = [];
  readonly counts: number[] = [];
  /** Entries before this one belong to parts already marked (`reuse.ts`): never merged into. */
  sealed = 0;
  override set(stem: string, n: number): this {
    // The base constructor may set before the fields exist (it sets nothing without entries).
    if (this.stems) {
      const before = this.get(stem) ?? 0;
      const last = this.stems.length - 1;
      // Changes of one stem in a row are one change (a Sequential's rebuild draws a name per tensor):
      // the log stays as long as the stems' alternations, not the draws.
      if (last >= this.sealed && this.stems[last] === stem && this.counts[2 * last + 1] === before)
        this.counts[2 * last + 1] = n;
      else {
        this.stems.push(stem);
        this.counts.push(before, n);
      }
    }
    return super.set(stem, n);
  }
  /** Sets a count without logging it (a replay). */
  replay(stem: string, n: number): void {
    super.set(stem, n);
  }
}

/** The top-level modules whose names this host models (`names.ts`, `library.ts`, the wings). */
const LIBRARY_MODULES = new Set(['keras', 'tensorflow', 'tf_keras', 'numpy', 'math', 'sklearn', 'pandas']);

export class KerasApi implements LibraryHost {
  /** Every model made, in order (the summary lists those of the file's own run). */
  readonly models: ModelObj[] = [];
  /** Every layer and op record made on the file's lines (hints, hover and diagnostics read them). */
  readonly layers: LayerObj[] = [];
  /** Keras's automatic name counters (`dense`, `dense_1`, ...), one per name stem. */
  readonly nameCounts = new NameCounts();
  private readonly starModules = new Set<string>();
  nextId = 1;
  /** The file's syntax tree, when the whole file is run (`compileCheck.ts` reads which names it uses). */
  program: SyntaxNode | undefined = undefined;
  /** >0 while a custom layer's or Lambda's body runs (Keras traces it with a concrete batch size). */
  tracing = 0;
  private seq = 0;
  /** How many times the file changed Keras's global configuration (`keras.config.set_image_data_format`). */
  configWrites = 0;
  private summaryTaken: SummaryModel[] | undefined;
  private summaryLater: (() => SummaryModel[]) | undefined;
  readonly options: EngineOptions;
  /** The cures of the data errors raised at `fit`/`predict` (dataChecks.ts), and the call being checked. */
  readonly dataHints: DataHint[] = [];
  pendingHint: DataHint | undefined = undefined;
  dataArgText = 'x';
  dataTargetText = 'y';
  /** Every data method called on a model, with its data (hover on data reads them). */
  readonly dataCalls: DataCall[] = [];
  /** The tokens `adapt` gave each lookup layer, where known (`lookups.ts`); undefined: adapted on what is not known. */
  readonly lookupVocabularies = new Map<LayerObj, Value[] | undefined>();
  /** The models this run saved, by the path given to `save` (`load_model` of that path rebuilds them). */
  readonly savedModels = new Map<string, SavedModel>();

  constructor(
    readonly interp: Interpreter,
    options: EngineOptions = DEFAULT_OPTIONS,
  ) {
    // A copy: `keras.config.set_image_data_format` in the file changes it for this run only.
    this.options = { ...options };
  }

  /** Where this run's ids and call counters start (a run that adds to results of earlier runs). */
  startCounters(id: number, seq: number): void {
    this.nextId = id;
    this.seq = seq;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * What `summary` holds for `model`, one of this run's top-level models: the snapshot taken when the
   * file's run ended, or (when no pass came after it, so the model is as it was then) the model now.
   */
  summaryOf(model: ModelObj): SummaryModel {
    const taken = this.summaryTaken;
    if (taken === undefined) return summarizeModel(model);
    this.summaryIndex ??= new Map(
      this.models.filter((m) => m.span.imported === undefined).map((m, i) => [m, taken[i]]),
    );
    return this.summaryIndex.get(model) ?? summarizeModel(model);
  }
  private summaryIndex: Map<ModelObj, SummaryModel> | undefined;

  /** A counter of executed calls, so that later calls on a line win its hint. */
  nextSeq(): number {
    return ++this.seq;
  }

  /**
   * Whether the KerasTensors the file makes are still counted: each `keras.Input`, and each output of a symbolic
   * call of a layer or op outside a traced call, draws a `keras_tensor` name as Keras's KerasTensor does. A call
   * that makes tensors not followed one by one (a model called on tensors, a graph cloned or replayed, the
   * symbolic build of a training call) stops the count: later tensors get no name.
   */
  tensorsCounted = true;

  /** Draws Keras's names for the tensors a symbolic call just made, in order. */
  nameTensors(v: Value): Value {
    const name = (x: Value): void => {
      if (x.kind === 'tensor') x.tensor.kerasName ??= this.tensorName();
      else if (x.kind === 'list' || x.kind === 'tuple') x.items.forEach(name);
    };
    name(v);
    return v;
  }

  /** The name of a KerasTensor made now, where the count is followed. */
  tensorName(): string | undefined {
    return this.tracing > 0 || !this.tensorsCounted ? undefined : this.uniqueName('keras_tensor');
  }

  /** Draws the names of `k` KerasTensors made in a row at once (a Sequential's rebuild), giving the last one's. */
  lastOfTensorNames(k: number): string | undefined {
    if (k <= 0 || this.tracing > 0 || !this.tensorsCounted) return undefined;
    const n = this.nameCounts.get('keras_tensor') ?? 0;
    this.nameCounts.set('keras_tensor', n + k);
    return n + k === 1 ? 'keras_tensor' : `keras_tensor_${n + k - 1}`;
  }

  /** Keras's `uniquify`: the stem itself the first time, then `stem_1`, `stem_2`, ... */
  uniqueName(base: string): string {
    const n = this.nameCounts.get(base) ?? 0;
    this.nameCounts.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  }

  /**
   * A recorded op (`x * 2`, `x[:, 0]`, `ops.mean(x)`): a summary row with no weights. Inside a traced call (a
   * custom layer's `call`) Keras's ops run on the backend's own tensors and make no operation: no name is drawn.
   */
  makeOp(className: string, span: Span, name?: string): LayerObj {
    const layer = newLayerRecord({
      id: this.nextId++,
      className,
      name: name ?? (this.tracing > 0 ? toSnakeCase(className) : this.uniqueName(toSnakeCase(className))),
      call: { className, args: [], kwargs: [] },
      constructed: { status: 'unknown', reason: 'op' },
      span,
      params: { total: 0, trainable: 0, nonTrainable: 0 },
      isOp: true,
    });
    this.layers.push(layer);
    return layer;
  }

  /**
   * Calls a layer record on arguments: a model's row runs the model, a layer
   * of the file's own class its `call`, a built-in layer the engine. The one
   * way back in for the files of this folder that call layers (a Sequential
   * calling its layers, a merge function, `adapt`).
   */
  callLayer(layer: LayerObj, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    if (layer.model) return callModel(this, layer.model, args, kwargs, node);
    // A subclass of a built-in layer keeps the built-in's shapes and weights whatever its `call` does:
    // Keras takes a symbolic call's shapes from `compute_output_shape`, which the built-in defines.
    const inst = layer.instance;
    if (inst && !inst.cls.layerBase) return callInstance(this, inst, args, kwargs, node);
    return callBuiltinLayer(this, layer, args, kwargs, node);
  }

  // ----------------------------------------------------- the evaluator's host

  imported(path: string): Value {
    return { kind: 'ref', qualname: canonicalName(path), judged: !unjudged(path) };
  }

  importError(paths: ImportedPaths): CheckedError | undefined {
    for (const m of paths.modules) {
      const problem = moduleImportError(m);
      if (problem) return problem;
    }
    if (paths.module === undefined) return undefined;
    const problem = moduleImportError(paths.module);
    if (problem) return problem;
    for (const n of paths.names) {
      const refused = nameImportError(paths.module, n);
      if (refused) return refused;
    }
    return undefined;
  }

  libraryModule(top: string): boolean {
    return LIBRARY_MODULES.has(top);
  }

  importStar(module: string): void {
    this.starModules.add(canonicalName(module));
  }

  starImported(name: string): Value | undefined {
    if (this.starModules.has('keras.layers') && /^[A-Z]/.test(name))
      return { kind: 'ref', qualname: `keras.layers.${name}` };
    if (this.starModules.has('keras.layers') && name in MERGE_FUNCTIONS)
      return { kind: 'ref', qualname: `keras.layers.${name}` };
    if (this.starModules.has('keras.models') && (name === 'Sequential' || name === 'Model'))
      return { kind: 'ref', qualname: `keras.${name}` };
    return undefined;
  }

  call(callee: Value, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode, incomplete: boolean): Value {
    switch (callee.kind) {
      case 'ref':
        return callLibrary(this, callee.qualname, args, kwargs, node, incomplete);
      case 'layer':
        return this.callLayer(callee.layer, args, kwargs, node);
      case 'model':
        return callModel(this, callee.model, args, kwargs, node);
      case 'instance':
        return callInstance(this, callee.inst, args, kwargs, node);
      case 'method':
        return callMethod(this, callee.self, callee.name, args, kwargs, node);
      default:
        return UNKNOWN;
    }
  }

  callRemembered(qualname: string, node: SyntaxNode): Value | undefined {
    const layer = constructRemembered(this, qualname, node);
    return layer ? { kind: 'layer', layer } : undefined;
  }

  getAttribute(obj: Value, attr: string, node: SyntaxNode): Value {
    return getAttribute(this, obj, attr, node);
  }

  setAttribute(obj: Value, attr: string, value: Value): void {
    setAttribute(this, obj, attr, value);
  }

  binary(op: string, a: Value, b: Value, node: SyntaxNode): Value | undefined {
    if (a.kind === 'tensor' || b.kind === 'tensor') return callOperator(this, op, a, b, node);
    if (a.kind === 'array' || b.kind === 'array') return arrayBinary(a, b, op);
    return undefined;
  }

  compare(op: string, a: Value, b: Value, node: SyntaxNode): Value | undefined {
    // KerasTensor's `<`, `!=`, ... are ops (Less, NotEqual, ...); `==` stays Python's identity test.
    if ((a.kind === 'tensor' || b.kind === 'tensor') && /^(<|<=|>|>=|!=)$/.test(op))
      return callOperator(this, op, a, b, node);
    // NumPy compares arrays elementwise (`==` too): an array of the broadcast shape.
    if ((a.kind === 'array' || b.kind === 'array') && /^(<|<=|>|>=|!=|==)$/.test(op)) return arrayBinary(a, b);
    return undefined;
  }

  unary(op: string, v: Value, node: SyntaxNode): Value {
    return v.kind === 'tensor' ? callUnaryOperator(this, op, v, node) : UNKNOWN;
  }

  getItem(obj: Value, subs: SyntaxNode[], scope: Scope, node: SyntaxNode): Value | undefined {
    if (obj.kind === 'tensor') return callOp(this, 'get_item', [obj], [], node, { subs, scope, interp: this.interp });
    if (obj.kind === 'array' && obj.pandas) return pandasGetItem(obj, subs, scope, this.interp);
    if (obj.kind === 'array' && obj.shape) return arrayGetItem(obj, obj.shape, subs, scope, this.interp);
    // `model[i]`: its i-th layer.
    if (obj.kind === 'model' && subs.length === 1 && subs[0].type !== 'slice') {
      const i = asInt(this.interp.eval(subs[0], scope));
      const layers = asItems(modelAttribute(obj.model, 'layers', obj));
      return (i !== undefined && layers?.at(i)) || UNKNOWN;
    }
    return undefined;
  }

  isInstance(value: Value, cls: Value): boolean | undefined {
    return kerasIsInstance(value, cls);
  }

  classCreated(cls: ClassObj): void {
    kerasBases(cls);
  }

  instanceCreated(inst: InstanceObj, node: SyntaxNode): void {
    kerasInstance(this, inst, node);
  }

  trackedListGrew(list: Value & { kind: 'list' }, added: Value[]): void {
    if (list.trackedBy) trackListItems(this, list.trackedBy, added);
  }

  /** What `model.summary()` prints for each model, when the file's own run ended. */
  get summary(): SummaryModel[] {
    if (this.summaryTaken === undefined && this.summaryLater) this.summaryTaken = this.summaryLater();
    return this.summaryTaken ?? [];
  }

  fileRunEnded(morePasses: boolean): void {
    // Keras's summary lists the models the file itself made; one made inside another module's code is that file's.
    const snapshot = () => this.models.filter((m) => m.span.imported === undefined).map(summarizeModel);
    // Later passes change the models (more calls, more shapes): the snapshot is taken now. When none
    // follows, nothing can change them any more, and the snapshot waits until a summary is asked for.
    if (morePasses) this.summaryTaken = snapshot();
    else this.summaryLater = snapshot;
  }
}
