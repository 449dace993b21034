/**
 * Bounds on the interpreter's work, so any file finishes quickly whatever it
 * contains: deep recursion, endless loops, values that double on every line
 * and huge files stop the analysis of that part, never the server. Past a
 * bound the value is unknown and a note says where the analysis stopped
 * following it; the rest of the file is still analysed.
 */

import type { Span } from '../values';

export const LIMITS = {
  /** Statements and expressions evaluated in one file before the rest runs degraded. */
  steps: 100_000,
  /** Steps granted, once the file's budget is spent, to the statements after it (run degraded). */
  degradedSteps: 50_000,
  /** Nested user-function calls. */
  callDepth: 40,
  /** Iterations of one loop that are unrolled. */
  loopIterations: 1_000,
  /** Items of one list, tuple or dict, and characters of one string. */
  sequenceItems: 100_000,
  /** Items and characters all the values one file makes may hold together. */
  cells: 500_000,
  /**
   * Values a walk over one list, tuple or dict meets, shared items counted each time they appear (as
   * `str()`, `==` or flattening a layer's inputs meet them): `x = [x, x]` in a loop doubles it.
   */
  nestedItems: 100_000,
  /** Values one comparison may visit, and how deep it may nest. */
  compareWork: 100_000,
  compareDepth: 200,
  /**
   * Layers the `keras.applications` networks of one file may make, each
   * costing `networkBuildCost`, whether built now or replayed from the cache
   * (so a file's answers do not depend on what was analysed before). The
   * recorded programs that use most (four EfficientNetV2 or NASNet networks)
   * spend about 19,000; networks built in a loop stop here, in the middle of
   * the network that passes it.
   */
  networkWork: 20_000,
  networkBuildCost: 4,
};

/** Thrown when a bound is reached; the interpreter stops that part and records why. */
export class BudgetExceeded extends Error {}

/** Why the analysis stopped following something: a value grown too large, too much work, the file's budget spent, a loop too long, syntax nested too deep. */
export type NoteKind = 'value-too-large' | 'too-much-work' | 'steps-spent' | 'loop-too-long' | 'too-deep';

/** A place where the analysis stopped following a value (or the rest of a loop, or of the file). */
export interface AnalysisNote {
  kind: NoteKind;
  span: Span;
  /** The bound that was reached. */
  limit: number;
}

/**
 * The work one file's run may still do: steps, and the items its values hold.
 * Once the steps are spent the run is `degraded`: what follows is analysed
 * with loops run once on unknown values, so the models built after an
 * expensive plain-Python loop still get their hints.
 */
export class Budget {
  steps = 0;
  stepLimit = LIMITS.steps;
  cells = 0;
  /** Work done by `keras.applications` networks so far (`LIMITS.networkWork`). */
  networkWork = 0;
  degraded = false;
  readonly notes: AnalysisNote[] = [];

  /** Counts one step; throws `BudgetExceeded` when the steps are spent (the first time, the run turns degraded). */
  tick(): void {
    if (++this.steps <= this.stepLimit) return;
    if (!this.degraded) {
      this.degraded = true;
      this.stepLimit += LIMITS.degradedSteps;
      throw new BudgetExceeded(`stopped after ${LIMITS.steps} steps`);
    }
    throw new BudgetExceeded(`stopped after ${LIMITS.steps + LIMITS.degradedSteps} steps`);
  }

  /** Whether a new value of `size` items (or characters) may be made; counts them when it may. */
  grow(size: number): boolean {
    if (size > LIMITS.sequenceItems || this.cells + size > LIMITS.cells) return false;
    this.cells += size;
    return true;
  }

  /** Whether `work` more (a sort's comparisons, counted as items) fits the file's total; counts it when it does. */
  spend(work: number): boolean {
    if (this.cells + work > LIMITS.cells) return false;
    this.cells += work;
    return true;
  }

  /** Records a note, once per kind and line. */
  note(kind: NoteKind, span: Span, limit: number): void {
    if (!this.notes.some((n) => n.kind === kind && n.span.startLine === span.startLine))
      this.notes.push({ kind, span, limit });
  }
}
