/**
 * Group-level reuse: after an edit, only the groups of statements it touched
 * run again (`groups.ts`: statements that share no names); every other
 * statement's results are taken from the previous analysis.
 *
 * A run records what each of its parts did (`Recorder`): each top-level
 * statement and each function the file never called, run afterwards. A part's
 * record: the changes it made to Keras's name counters (stem, count before,
 * count after), the steps, items and network work it spent, and what it added
 * to the results (layers, models, data hints and calls, array bindings).
 *
 * What couples groups that share no names, and how each is dealt with:
 * - Keras's name counters: the statements of the groups run again run in
 *   order on a fresh evaluator, and between them the counter changes of the
 *   statements not run are replayed, each checked: a statement is reused only
 *   when every counter it drew had the count it had then (early cutoff: an
 *   edit that draws the same names leaves every other name as it was). Any
 *   difference and the whole file runs from the top.
 * - The budgets (`python/limits.ts`): whatever a part spent counts; the run is
 *   taken only when every run involved, and the new whole, stayed within
 *   every bound (and within half the steps, where the uncalled functions stop
 *   being run) and noted nothing: no budget check then decided anything.
 * - Global configuration (`keras.config.set_image_data_format`), the count of
 *   KerasTensor names stopped (`KerasApi.tensorsCounted`), saved models
 *   (`save` then `load_model` of a path), a workspace module, an exception (the
 *   after-error rule changes how every later statement runs), state left in
 *   the middle of a call at a statement's end: any of them in any run involved
 *   and the file runs from the top.
 * - The uncalled functions, run after the file's own run: a group kept from
 *   the last analysis must not have made anything there (its functions still
 *   count their steps); the re-run groups' run at the end, as in a run from the top.
 * - `closedProgram`, the engine options and the import statements (run in
 *   every run) must be as they were.
 * - Ids and call counters are never read across groups; a run that adds to
 *   earlier results starts them past every earlier run's.
 * - Spans are taken when a statement runs: a statement is reused only at the
 *   row and column it ran at (moved statements run again, with their group).
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import type { DataHint } from '../keras/dataChecks';
import type { DataCall } from '../keras/dataRecords';
import type { KerasApi } from '../keras/api';
import type { SummaryModel } from '../keras/summaryRows';
import type { ArrayBinding, Interpreter } from '../python/interpreter';
import { LIMITS, type AnalysisNote } from '../python/limits';
import { runEndPasses, runTopLevel, type RunMarks, type RunOutcome } from '../python/run';
import type { RaisedError } from '../python/signals';
import { spanContext, type FunctionObj, type LayerObj, type ModelObj } from '../values';
import type { Groups } from './groups';

/** What an analysis reads of a run (the fields of `Interpretation`). */
export interface RunView {
  models: ModelObj[];
  layers: LayerObj[];
  readonly summary: SummaryModel[];
  error: RaisedError | null;
  incomplete: AnalysisNote[];
  imports: string[];
  dataHints: DataHint[];
  dataCalls: DataCall[];
  arrays: ArrayBinding[];
}

export function viewOf(interp: Interpreter, keras: KerasApi, { error, incomplete }: RunOutcome): RunView {
  return {
    models: keras.models,
    layers: keras.layers,
    // Taken when first asked for (hints and diagnostics never need it).
    get summary() {
      return keras.summary;
    },
    error,
    incomplete,
    imports: interp.modules.paths(),
    dataHints: keras.dataHints,
    dataCalls: keras.dataCalls,
    arrays: [...interp.arrays.values()],
  };
}

/** The lists a run adds results to, in the order of the `Marks` fields after the counters. */
type Lists = [LayerObj[], ModelObj[], DataHint[], DataCall[]];
const FIELDS = 10;

/** Where each part of one run begins and what it found there (`RunMarks`), and the run's end state. */
export class Recorder implements RunMarks {
  /** Per mark, FIELDS numbers: counter log, steps, cells, network work, the four lists, array log, functions defined. */
  private readonly at: number[] = [];
  /** Per mark, the last item of each list then (a list that lost an earlier part's item cannot be cut in parts). */
  private readonly lastItems: unknown[] = [];
  /** Per mark: the statement it begins, or the uncalled function. */
  readonly parts: Array<number | FunctionObj> = [];
  /** Something at a mark made the run's parts not separable. */
  broken = false;
  ended = false;
  /** Whether, when the file's own run ended, a function it defines had not been called (the pass after it runs those). */
  uncalledAtEnd = false;
  private passStarted = false;

  constructor(
    readonly interp: Interpreter,
    readonly keras: KerasApi,
  ) {}

  private lists(): Lists {
    const k = this.keras;
    return [k.layers, k.models, k.dataHints, k.dataCalls];
  }

  private mark(part: number | FunctionObj | -1): void {
    const { interp, keras } = this;
    // The first mark of the pass after the file's run: before it runs anything.
    if (typeof part !== 'number' || part < 0) {
      if (!this.passStarted) this.uncalledAtEnd = interp.defined.some((fn) => !interp.called.has(fn));
      this.passStarted = true;
    }
    const b = interp.budget;
    if (
      // The uncalled functions run as a path that may not be taken.
      interp.uncertain !== (typeof part === 'number' ? 0 : 1) ||
      keras.tracing !== 0 ||
      keras.pendingHint !== undefined ||
      spanContext.anchor !== undefined
    )
      this.broken = true;
    const lists = this.lists();
    // The counter changes logged so far are this mark's: a later change starts an entry of its own.
    keras.nameCounts.sealed = keras.nameCounts.stems.length;
    this.at.push(
      keras.nameCounts.stems.length,
      b.steps,
      b.cells,
      b.networkWork,
      lists[0].length,
      lists[1].length,
      lists[2].length,
      lists[3].length,
      interp.arrays.log.length,
      interp.defined.length,
    );
    for (const l of lists) this.lastItems.push(l[l.length - 1]);
    this.parts.push(part as number | FunctionObj);
  }

  statement(at: number): void {
    this.mark(at);
  }
  uncalled(fn: FunctionObj): void {
    this.mark(fn);
  }
  end(): void {
    this.mark(-1);
    this.ended = true;
  }

  get marks(): number {
    return this.parts.length;
  }
  value(mark: number, field: number): number {
    return this.at[mark * FIELDS + field];
  }

  /** Whether the run's parts can be taken one by one into a later analysis. */
  separable(loaderAsked: boolean, error: RaisedError | null): boolean {
    const { interp, keras } = this;
    if (this.broken || !this.ended || error || loaderAsked) return false;
    const b = interp.budget;
    if (b.notes.length > 0 || b.degraded || keras.configWrites > 0 || keras.savedModels.size > 0) return false;
    // A statement that stopped the count of KerasTensor names (a model called on tensors, a training
    // call) changes whether every later statement draws them: not replayed (the count only stops).
    if (!keras.tensorsCounted) return false;
    if (!withinBudget(b.steps, b.cells, b.networkWork, this.uncalledAtEnd)) return false;
    const lists = this.lists();
    for (let m = 0; m < this.marks; m++)
      for (let l = 0; l < 4; l++) {
        const n = this.value(m, 4 + l);
        if (n > lists[l].length || (n > 0 && lists[l][n - 1] !== this.lastItems[m * 4 + l])) return false;
      }
    return true;
  }
}

/**
 * No budget check can have decided anything in a run that spent this much in all: none ran out, and
 * the uncalled functions, when there are any, were all run (past half the steps they are not).
 */
function withinBudget(steps: number, cells: number, network: number, uncalled: boolean): boolean {
  return steps <= (uncalled ? LIMITS.steps / 2 : LIMITS.steps) && cells <= LIMITS.cells && network < LIMITS.networkWork;
}

/** One part of a run: a top-level statement, or the uncalled functions of one group. */
class Part {
  constructor(
    readonly rec: Recorder,
    /** The marks the part spans: `[from, to)` for a statement; a group's uncalled functions may span several. */
    readonly spans: number[],
  ) {}

  private sum(field: number): number {
    let s = 0;
    for (let i = 0; i < this.spans.length; i += 2)
      s += this.rec.value(this.spans[i + 1], field) - this.rec.value(this.spans[i], field);
    return s;
  }
  get steps(): number {
    return this.sum(1);
  }
  get cells(): number {
    return this.sum(2);
  }
  get network(): number {
    return this.sum(3);
  }
  /** Whether it changed a counter, added a result or defined a function. */
  get made(): boolean {
    for (const f of [0, 4, 5, 6, 7, 8, 9]) if (this.sum(f) !== 0) return true;
    return false;
  }

  /** Its counter changes as [stem, before, after] triples, in order. */
  *counterChanges(): Generator<[string, number, number]> {
    const { stems, counts } = this.rec.keras.nameCounts;
    for (let i = 0; i < this.spans.length; i += 2)
      for (let j = this.rec.value(this.spans[i], 0); j < this.rec.value(this.spans[i + 1], 0); j++)
        yield [stems[j], counts[2 * j], counts[2 * j + 1]];
  }

  addTo(out: Merged): void {
    const { rec } = this;
    const k = rec.keras;
    const lists: Lists = [k.layers, k.models, k.dataHints, k.dataCalls];
    const log = rec.interp.arrays.log;
    for (let i = 0; i < this.spans.length; i += 2) {
      const a = this.spans[i];
      const b = this.spans[i + 1];
      for (let l = 0; l < 4; l++)
        for (let j = rec.value(a, 4 + l); j < rec.value(b, 4 + l); j++) (out.lists[l] as unknown[]).push(lists[l][j]);
      for (let j = rec.value(a, 8); j < rec.value(b, 8); j++) out.arrays.set(log[j][0], log[j][1]);
    }
  }

  /** This part's top-level models, with the summary its run took of each. */
  summaries(): SummaryModel[] {
    const out: SummaryModel[] = [];
    const models = this.rec.keras.models;
    for (let i = 0; i < this.spans.length; i += 2)
      for (let j = this.rec.value(this.spans[i], 5); j < this.rec.value(this.spans[i + 1], 5); j++)
        if (models[j].span.imported === undefined) out.push(this.rec.keras.summaryOf(models[j]));
    return out;
  }
}

interface Merged {
  lists: Lists;
  arrays: Map<string, ArrayBinding>;
}

/** An analysis whose parts a later one may take: its statements, their groups, and what each part did. */
export interface Generation {
  statements: SyntaxNode[];
  places: Int32Array;
  groupOf: Int32Array;
  /** Per statement, its part. */
  parts: Part[];
  /** Each group's uncalled functions, by the group's first statement. */
  tails: Map<SyntaxNode, Part>;
  /** The uncalled functions' parts in the order they ran (a later analysis's results end with them). */
  tailOrder: Part[];
  format: string;
  closed: boolean;
}

/**
 * The parts of a run (made from the top, resumed, or a re-run of groups) as a
 * generation: `taken` gives, per statement the run did not run, the part it
 * took from the last generation (and `keptTails` those groups' uncalled functions).
 */
function generationOf(
  rec: Recorder,
  statements: SyntaxNode[],
  places: Int32Array,
  groups: Groups,
  format: string,
  closed: boolean,
  taken?: Array<Part | undefined>,
  keptTails?: Map<SyntaxNode, Part>,
): Generation | undefined {
  const parts: Part[] = taken ? (taken.slice() as Part[]) : new Array<Part>(statements.length);
  /** The part each function was defined in: a statement, or the uncalled function it was defined by. */
  const definedIn = new Map<FunctionObj, number | FunctionObj>();
  const defined = rec.interp.defined;
  const tailSpans = new Map<SyntaxNode, number[]>();
  const tailOrder: Part[] = [];
  for (let m = 0; m + 1 < rec.marks; m++) {
    const part = rec.parts[m];
    for (let d = rec.value(m, 9); d < rec.value(m + 1, 9); d++) definedIn.set(defined[d], part);
    if (typeof part === 'number') {
      // From the last statement's end to the first uncalled function: the summary is taken, nothing is made.
      if (part >= statements.length) {
        if (new Part(rec, [m, m + 1]).made) return undefined;
      } else parts[part] = new Part(rec, [m, m + 1]);
      continue;
    }
    let owner: number | FunctionObj | undefined = part;
    while (owner !== undefined && typeof owner !== 'number') owner = definedIn.get(owner);
    if (owner === undefined || groups.groupOf[owner] < 0) return undefined;
    const first = statements[groups.groupOf[owner]];
    let spans = tailSpans.get(first);
    if (!spans) tailSpans.set(first, (spans = []));
    spans.push(m, m + 1);
  }
  for (let i = 0; i < parts.length; i++) if (!parts[i]) return undefined;
  const tails = new Map<SyntaxNode, Part>(keptTails);
  for (const [first, spans] of tailSpans) {
    const p = new Part(rec, spans);
    tails.set(first, p);
  }
  // The results' order: the uncalled functions' parts as they ran (those of kept groups made nothing).
  for (let m = 0; m + 1 < rec.marks; m++) {
    const part = rec.parts[m];
    if (typeof part !== 'number') tailOrder.push(new Part(rec, [m, m + 1]));
  }
  return { statements, places, groupOf: groups.groupOf, parts, tails, tailOrder, format, closed };
}

/** Builds the generation of a run made from the top (or resumed), when its parts are separable. */
export function recordRun(
  rec: Recorder,
  statements: SyntaxNode[],
  places: Int32Array,
  groups: Groups | undefined,
  format: string,
  closed: boolean,
  loaderAsked: boolean,
  error: RaisedError | null,
): Generation | undefined {
  if (!groups) return undefined;
  // A file that is one group (and comments) has nothing to keep: keeping the run would only keep it alive.
  let first = -1;
  let several = false;
  for (let i = 0; i < statements.length && !several; i++) {
    const g = groups.groupOf[i];
    if (g < 0 || statements[i].type === 'comment') continue;
    if (first < 0) first = g;
    else several = g !== first;
  }
  if (!several || !rec.separable(loaderAsked, error)) return undefined;
  return generationOf(rec, statements, places, groups, format, closed);
}

/** Which statements an edit makes run again, and which earlier statement each kept one is. */
export interface Plan {
  run: Uint8Array;
  oldOf: Int32Array;
  kept: number;
  /** The steps the kept statements took when they ran. */
  saved: number;
}

export function planReuse(
  gen: Generation,
  statements: SyntaxNode[],
  places: Int32Array,
  groups: Groups,
  format: string,
  closed: boolean,
): Plan | undefined {
  if (gen.format !== format || gen.closed !== closed) return undefined;
  const oldIndex = new Map<SyntaxNode, number>();
  gen.statements.forEach((s, i) => oldIndex.set(s, i));
  const n = statements.length;
  const oldOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const o = oldIndex.get(statements[i]);
    if (o !== undefined && gen.places[2 * o] === places[2 * i] && gen.places[2 * o + 1] === places[2 * i + 1])
      oldOf[i] = o;
  }
  // The imports, run in every run, must be the same statements in the same order.
  const imports = (groupOf: Int32Array, list: SyntaxNode[]) => list.filter((_, i) => groupOf[i] < 0);
  const before = imports(gen.groupOf, gen.statements);
  const now = imports(groups.groupOf, statements);
  if (before.length !== now.length || before.some((s, i) => s !== now[i])) return undefined;
  for (let i = 0; i < n; i++) if (groups.groupOf[i] < 0 && oldOf[i] < 0) return undefined;
  // A group is kept when it is an earlier group exactly: the same statements, unchanged, in place.
  const oldSize = new Map<number, number>();
  for (let o = 0; o < gen.groupOf.length; o++) {
    const g = gen.groupOf[o];
    if (g >= 0) oldSize.set(g, (oldSize.get(g) ?? 0) + 1);
  }
  const size = new Map<number, number>();
  const keep = new Map<number, boolean>();
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i];
    if (g < 0) continue;
    size.set(g, (size.get(g) ?? 0) + 1);
    const o = oldOf[i];
    const ok = o >= 0 && oldOf[g] >= 0 && gen.groupOf[o] === gen.groupOf[oldOf[g]];
    keep.set(g, (keep.get(g) ?? true) && ok);
  }
  // The same number of statements as the earlier group, and no uncalled function that made anything.
  for (const [g, k] of keep) {
    const o = oldOf[g];
    if (k && (oldSize.get(gen.groupOf[o]) !== size.get(g) || gen.tails.get(gen.statements[o])?.made))
      keep.set(g, false);
  }
  const run = new Uint8Array(n);
  let kept = 0;
  let saved = 0;
  for (let i = 0; i < n; i++) {
    const g = groups.groupOf[i];
    if (g >= 0 && keep.get(g)) {
      kept++;
      // A comment is a statement of the tree that runs as nothing: keeping comments saves no work.
      if (statements[i].type !== 'comment') saved += gen.parts[oldOf[i]].steps;
    } else run[i] = 1;
  }
  // Running again most of the file costs a little more this way than from the top (the replays, the merge).
  let total = 0;
  for (const p of gen.parts) total += p.steps;
  return saved > 0 && saved * 8 >= total ? { run, oldOf, kept, saved } : undefined;
}

/**
 * Runs the statements the plan names on `rec`'s fresh evaluator, replaying
 * the counters of those it keeps, then the end passes; the merged results
 * and the new generation, or undefined when the run cannot be taken (then
 * the file runs from the top).
 */
export function runPlan(
  rec: Recorder,
  gen: Generation,
  plan: Plan,
  statements: SyntaxNode[],
  places: Int32Array,
  groups: Groups,
  loaderAsked: () => boolean,
): { view: RunView; gen: Generation } | undefined {
  const { interp, keras } = rec;
  const counts = keras.nameCounts;
  const taken: Array<Part | undefined> = new Array(statements.length);
  let steps = 0;
  let cells = 0;
  let network = 0;
  const replay = (part: Part): boolean => {
    for (const [stem, before, after] of part.counterChanges()) {
      if ((counts.get(stem) ?? 0) !== before) return false;
      counts.replay(stem, after);
    }
    steps += part.steps;
    cells += part.cells;
    network += part.network;
    return true;
  };
  spanContext.anchor = undefined;
  try {
    for (let i = 0; i < statements.length; i++) {
      if (plan.run[i]) {
        rec.statement(i);
        if (runTopLevel(interp, statements, i)) return undefined;
      } else {
        const part = gen.parts[plan.oldOf[i]];
        if (!replay(part)) return undefined;
        taken[i] = part;
      }
    }
    rec.statement(statements.length);
    // The kept groups' uncalled functions spent their steps (they made nothing).
    const keptTails = new Map<SyntaxNode, Part>();
    for (let i = 0; i < statements.length; i++) {
      const g = groups.groupOf[i];
      if (g !== i || plan.run[i]) continue;
      const tail = gen.tails.get(gen.statements[plan.oldOf[i]]);
      if (!tail) continue;
      keptTails.set(statements[i], tail);
      steps += tail.steps;
      cells += tail.cells;
      network += tail.network;
    }
    const outcome = runEndPasses(interp, rec);
    if (!rec.separable(loaderAsked(), outcome.error)) return undefined;
    const b = interp.budget;
    const uncalled = rec.uncalledAtEnd || keptTails.size > 0;
    if (!withinBudget(b.steps + steps, b.cells + cells, b.networkWork + network, uncalled)) return undefined;
    const next = generationOf(rec, statements, places, groups, gen.format, gen.closed, taken, keptTails);
    if (!next) return undefined;
    return { view: mergedView(next, interp, outcome), gen: next };
  } catch {
    // An exception, the budget, a module-level return: the file's run from the top says what happens.
    return undefined;
  } finally {
    spanContext.anchor = undefined;
  }
}

/** The results of a generation: each statement's part in order, then the uncalled functions'. */
function mergedView(gen: Generation, interp: Interpreter, { incomplete }: RunOutcome): RunView {
  const out: Merged = { lists: [[], [], [], []], arrays: new Map() };
  for (const p of gen.parts) p.addTo(out);
  for (const p of gen.tailOrder) p.addTo(out);
  let summary: SummaryModel[] | undefined;
  return {
    models: out.lists[1],
    layers: out.lists[0],
    get summary() {
      return (summary ??= gen.parts.flatMap((p) => p.summaries()));
    },
    error: null,
    incomplete,
    imports: interp.modules.paths(),
    dataHints: out.lists[2],
    dataCalls: out.lists[3],
    arrays: [...out.arrays.values()],
  };
}
