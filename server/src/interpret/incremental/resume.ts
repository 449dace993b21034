/**
 * The runs of one document as it is edited: a run resumes a fresh run of the
 * document's top-level statements that was started ahead of time, in idle
 * moments, for the statements above the place the last edit changed (where
 * the next keystroke most likely lands). An edit there costs the statements
 * from the edit down, not the whole file.
 *
 * Sound by construction: the run ahead is an ordinary run from the top on an
 * evaluator of its own, made in slices (`runTopLevel`, one statement at a
 * time); it is taken over only when every statement it ran is the very same
 * syntax node, at the same place, in the new module. Then the new run
 * differs from a run from the top only in when its first statements ran.
 * What a run reads besides its statements is checked as well: the engine
 * options; that no workspace module was looked for (another file's text is
 * no part of this module); and the one fact a statement reads from the whole
 * program, whether it can compile a model out of sight (`compileCheck.ts`),
 * must be the new program's. A run ahead whose statement raised, ended the
 * file, or ran out of stack (whose depth depends on the caller) is dropped.
 *
 * Copying a run's state instead (a snapshot per statement, or one at the
 * edit) costs more than running the statements again: on a 5,000-line model
 * the state is ~87,000 objects, and copying it took longer than the run.
 */

import type { EngineOptions } from '../../shapes/args';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { closedProgram } from '../keras/compileCheck';
import { KerasApi } from '../keras/api';
import { Interpreter } from '../python/interpreter';
import type { ModuleLoader } from '../python/modules';
import { runModule, runTopLevel } from '../python/run';
import { spanContext } from '../values';
import { groupStatements } from './groups';
import { planReuse, recordRun, Recorder, runPlan, viewOf, type Generation, type RunView } from './reuse';

/** The state of one run: the evaluator and its host, and what each part of the run did. */
export interface RunState {
  interp: Interpreter;
  keras: KerasApi;
  rec: Recorder;
}

/** A run from the top, made ahead of time up to `target`, of the statements of a module. */
interface Ahead {
  state: RunState;
  loader: WatchedLoader | undefined;
  statements: SyntaxNode[];
  /** The row and column each statement started on, two numbers a statement. */
  places: Int32Array;
  format: string;
  closed: boolean;
  /** Statements `0..done-1` have run. */
  done: number;
  target: number;
}

/** Statements below which no run is made ahead: the whole run costs little. */
const MIN_PREFIX = 16;

/** Counts for tests and benchmarks. */
export interface ResumeStats {
  runs: number;
  /** Runs that took over a run made ahead. */
  resumed: number;
  /** Statements the runs did not run again, in all. */
  skipped: number;
  /** Runs ahead dropped before they were taken over. */
  dropped: number;
  /** Runs that ran only the groups of statements an edit touched (`reuse.ts`), and the statements they took from the last analysis. */
  groupRuns: number;
  kept: number;
  /** Top-level statements run, in all runs (a run ahead's included). */
  ran: number;
}

/** A loader that says whether it was asked: what it finds is another file's, so no run ahead may read it. */
class WatchedLoader implements ModuleLoader {
  asked = false;
  constructor(readonly inner: ModuleLoader) {}
  find(name: string, level: number, from: string | undefined) {
    this.asked = true;
    return this.inner.find(name, level, from);
  }
}

export function newRunState(options?: EngineOptions, loader?: ModuleLoader): RunState {
  let keras: KerasApi | undefined;
  const interp = new Interpreter((evaluator) => (keras = new KerasApi(evaluator, options)), loader);
  return { interp, keras: keras!, rec: new Recorder(interp, keras!) };
}

export class ResumableRuns {
  private ahead: Ahead | undefined;
  /** The statements of the last run's module, and their places then. */
  private last: SyntaxNode[] = [];
  private lastPlaces: Int32Array = new Int32Array(0);
  private readonly closedOf = new WeakMap<SyntaxNode, boolean>();
  readonly stats: ResumeStats = { runs: 0, resumed: 0, skipped: 0, dropped: 0, groupRuns: 0, kept: 0, ran: 0 };
  /** The last analysis, when a later one may take its groups (`reuse.ts`). */
  private gen: Generation | undefined;
  /** Past every id and call counter the kept results hold. */
  private nextId = 1;
  private nextSeq = 0;

  /** `minPrefix`: the fewest statements worth running ahead. */
  constructor(private readonly minPrefix = MIN_PREFIX) {}

  /** Forgets the run ahead (a module the document imports changed; the document went cold). */
  clear(): void {
    if (this.ahead) this.stats.dropped++;
    this.ahead = undefined;
    this.gen = undefined;
    this.last = [];
    this.lastPlaces = new Int32Array(0);
  }

  /** Whether a run ahead has statements left to run. */
  get pending(): boolean {
    return this.ahead !== undefined && this.ahead.done < this.ahead.target;
  }

  /** Runs the module: from the run ahead when it ran this module's first statements, else from the top. */
  run(module: SyntaxNode, options: EngineOptions | undefined, loader?: ModuleLoader): RunView {
    this.stats.runs++;
    const statements = module.namedChildren;
    const places = placesOf(statements);
    const format = options?.imageDataFormat ?? '';
    const closed = this.closed(statements);
    const changed = samePrefix(this.last, this.lastPlaces, statements, places, statements.length);
    const ahead = this.ahead;
    this.ahead = undefined;
    const groups = groupStatements(statements);
    // The last analysis whose groups can be kept: an analysis that recorded none (a Keras error, broken
    // syntax) leaves the one before it, whose unchanged statements are still what they were then.
    const gen = this.gen;
    const plan = gen && groups && planReuse(gen, statements, places, groups, format, closed);
    const resumable = ahead && this.resumable(ahead, statements, places, format, closed);
    // Of the two, the one that runs less (a run ahead saves what it ran, the groups what they ran last time).
    if (plan && !(resumable && ahead.state.interp.budget.steps > plan.saved)) {
      const watched = loader && new WatchedLoader(loader);
      const fresh = newRunState(options, watched);
      fresh.keras.program = module;
      fresh.keras.startCounters(this.nextId, this.nextSeq);
      const done = runPlan(fresh.rec, gen!, plan, statements, places, groups!, () => !!watched?.asked);
      this.counted(fresh);
      if (done) {
        this.stats.groupRuns++;
        this.stats.kept += plan.kept;
        this.stats.ran += statements.length - plan.kept;
        this.gen = done.gen;
        this.finish(statements, places, changed, options, loader, module, format, closed, ahead);
        return done.view;
      }
    }
    const watched = loader && new WatchedLoader(loader);
    let state: RunState;
    let from = 0;
    if (ahead && resumable) {
      state = ahead.state;
      from = ahead.done;
      // The loader asked from here on is this run's (the run ahead asked none).
      (state.interp.modules as { loader: ModuleLoader | undefined }).loader = watched;
      this.stats.resumed++;
      this.stats.skipped += from;
    } else {
      if (ahead) this.stats.dropped++;
      state = newRunState(options, watched);
    }
    state.keras.program = module;
    this.stats.ran += statements.length - from;
    const outcome = runModule(state.interp, module, from, state.rec);
    this.counted(state);
    const asked = !!(watched?.asked || (state === ahead?.state && ahead.loader?.asked));
    this.gen = recordRun(state.rec, statements, places, groups, format, closed, asked, outcome.error) ?? gen;
    this.finish(statements, places, changed, options, loader, module, format, closed, undefined);
    return viewOf(state.interp, state.keras, outcome);
  }

  /** Whether the run ahead ran first statements of this module, as they are now. */
  private resumable(ahead: Ahead, statements: SyntaxNode[], places: Int32Array, format: string, closed: boolean) {
    return (
      ahead.format === format &&
      ahead.closed === closed &&
      !ahead.loader?.asked &&
      ahead.done <= statements.length &&
      samePrefix(ahead.statements, ahead.places, statements, places, ahead.done) === ahead.done
    );
  }

  /** Keeps ids and call counters of later runs past this run's. */
  private counted(state: RunState): void {
    this.nextId = Math.max(this.nextId, state.keras.nextId);
    this.nextSeq = Math.max(this.nextSeq, state.keras.lastSeq);
  }

  /** Remembers the run's statements and makes a run ahead of the statements above the edit. */
  private finish(
    statements: SyntaxNode[],
    places: Int32Array,
    changed: number,
    options: EngineOptions | undefined,
    loader: ModuleLoader | undefined,
    module: SyntaxNode,
    format: string,
    closed: boolean,
    unused: Ahead | undefined,
  ): void {
    if (unused) this.stats.dropped++;
    this.last = statements.slice();
    this.lastPlaces = places;
    // The next edit most likely lands where this one did: run ahead the statements above it.
    if (changed >= this.minPrefix && changed <= statements.length) {
      const next = loader && new WatchedLoader(loader);
      const fresh = newRunState(options, next);
      fresh.keras.program = module;
      this.ahead = {
        state: fresh,
        loader: next,
        statements: this.last,
        places,
        format,
        closed,
        done: 0,
        target: changed,
      };
    }
  }

  /** Runs statements of the run ahead for about `ms` milliseconds; true while some are left. */
  step(ms: number): boolean {
    const a = this.ahead;
    if (!a) return false;
    const until = performance.now() + ms;
    const { interp } = a.state;
    spanContext.anchor = undefined;
    try {
      while (a.done < a.target) {
        a.state.rec.statement(a.done);
        this.stats.ran++;
        const overflow = runTopLevel(interp, a.statements, a.done);
        if (overflow || a.loader?.asked) return this.drop();
        a.done++;
        if (performance.now() >= until) break;
      }
    } catch {
      // The statement ended the file's run (an exception, the budget, a module-level return): a run
      // from the top does the rest.
      return this.drop();
    } finally {
      spanContext.anchor = undefined;
    }
    return a.done < a.target;
  }

  private drop(): false {
    this.stats.dropped++;
    this.ahead = undefined;
    return false;
  }

  /** `closedProgram` of the whole module, as the conjunction of its statements' (each remembered). */
  private closed(statements: SyntaxNode[]): boolean {
    let all = true;
    for (const s of statements) {
      let c = this.closedOf.get(s);
      if (c === undefined) this.closedOf.set(s, (c = closedProgram(s)));
      all &&= c;
    }
    return all;
  }
}

/** The row and column each statement starts on, two numbers a statement. */
function placesOf(statements: SyntaxNode[]): Int32Array {
  const out = new Int32Array(2 * statements.length);
  for (let i = 0; i < statements.length; i++) {
    const p = statements[i].startPosition;
    out[2 * i] = p.row;
    out[2 * i + 1] = p.column;
  }
  return out;
}

/** How many of the first `n` statements are the same nodes at the same places in both lists. */
function samePrefix(a: SyntaxNode[], ap: Int32Array, b: SyntaxNode[], bp: Int32Array, n: number): number {
  const most = Math.min(n, a.length, b.length);
  let i = 0;
  while (i < most && a[i] === b[i] && ap[2 * i] === bp[2 * i] && ap[2 * i + 1] === bp[2 * i + 1]) i++;
  return i;
}
