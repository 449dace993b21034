/**
 * The passes over a file: its own run, as Python would run it; then, for
 * hints only, the statements after an exception and the functions the file
 * defines but never calls, each as a path that may not be taken.
 */

import { MAX_SYNTAX_DEPTH, type PyNode as SyntaxNode } from '../../syntax/ast';
import { spanContext, spanOf, type FunctionObj } from '../values';
import type { Interpreter } from './interpreter';
import { forgetAbandoned } from './controlFlow';
import { BudgetExceeded, LIMITS, type AnalysisNote } from './limits';
import { BreakSignal, ContinueSignal, PyRaise, ReturnSignal, type RaisedError } from './signals';

/**
 * Told where each part of a run begins (`interpret/incremental/` records what
 * each part did): top-level statement `at`, or the run of a function the file
 * never called; `end` once the last part is done.
 */
export interface RunMarks {
  statement(at: number): void;
  uncalled(fn: FunctionObj): void;
  end(): void;
}

/** How the file's run ended: the exception it raised, if any, and where the limits stopped the analysis following values. */
export interface RunOutcome {
  error: RaisedError | null;
  incomplete: AnalysisNote[];
}

/**
 * Runs a file: its statements in order until one raises (the host then
 * takes what the file's own run left, e.g. the summary), then the passes
 * for hints only. With `from`, the statements before it have already run on
 * this evaluator, one by one with `runTopLevel` (`interpret/incremental/`).
 */
export function runModule(interp: Interpreter, module: SyntaxNode, from = 0, marks?: RunMarks): RunOutcome {
  let error: RaisedError | null = null;
  spanContext.anchor = undefined;
  const statements = module.namedChildren;
  let at = from;
  try {
    for (; at < statements.length; at++) {
      marks?.statement(at);
      runTopLevel(interp, statements, at);
    }
    marks?.statement(statements.length);
  } catch (e) {
    if (e instanceof PyRaise) error = { span: e.span, pyType: e.pyType, message: e.message, check: e.check };
    else if (e instanceof BudgetExceeded) interp.budget.note('steps-spent', spanOf(statements[at]), LIMITS.steps);
    else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
      // `return`/`break` at module level: Python rejects the file; nothing more to run.
    } else throw e;
  }
  spanContext.anchor = undefined;
  const pastError = error ? statements.slice(at + 1) : [];
  interp.host.fileRunEnded(pastError.length > 0 || interp.defined.some((fn) => !interp.called.has(fn)));
  if (pastError.length > 0) runPastError(interp, pastError);
  runUncalledFunctions(interp, marks);
  return { error, incomplete: interp.budget.notes };
}

/**
 * The passes after a file's own run that raised nothing (`runModule`'s end), for a
 * caller that ran the top-level statements itself (`interpret/incremental/`).
 */
export function runEndPasses(interp: Interpreter, marks?: RunMarks): RunOutcome {
  spanContext.anchor = undefined;
  interp.host.fileRunEnded(interp.defined.some((fn) => !interp.called.has(fn)));
  runUncalledFunctions(interp, marks);
  return { error: null, incomplete: interp.budget.notes };
}

/**
 * Runs the file's statement `at` in its own pass, Python's. A syntax walk that
 * runs out of stack, or the file's step budget running out here, does not end
 * the pass: this statement's values are unknown and the rest runs (degraded).
 * What ends the file's run is thrown: the exception the file raises, the budget
 * spent again, a `return` at module level. Returns true when the stack ran out
 * (how deep it may go depends on where the run is called from).
 */
export function runTopLevel(interp: Interpreter, statements: SyntaxNode[], at: number): boolean {
  try {
    interp.exec(statements[at], interp.moduleScope);
  } catch (e) {
    if (isStackOverflow(e)) {
      // Syntax is cut at a depth (`MAX_SYNTAX_DEPTH`) and values at theirs; should a walk still run out
      // of stack, this statement's values are unknown and the rest of the file is analysed.
      interp.budget.note('too-deep', spanOf(statements[at]), MAX_SYNTAX_DEPTH);
      forgetAbandoned(interp, statements[at], interp.moduleScope);
      return true;
    }
    if (!(e instanceof BudgetExceeded) || !interp.budget.degraded || interp.budget.steps > interp.budget.stepLimit)
      throw e;
    // The file's budget ran out in this statement: what it assigns is unknown, and the
    // statements after it run degraded (loops once, on unknown values), so they keep their hints.
    interp.budget.note('steps-spent', spanOf(statements[at]), LIMITS.steps);
    forgetAbandoned(interp, statements[at], interp.moduleScope);
  }
  return false;
}

/**
 * Python stops at the first error, and so does the summary (taken before).
 * The statements after it still deserve hints while the error is being
 * fixed (an import being typed at the top of a file would otherwise blank
 * them all): they run as a path that may not be taken, so nothing in them
 * is reported as an error.
 */
function runPastError(interp: Interpreter, statements: SyntaxNode[]): void {
  runUnsure(interp, statements, (stmt) => interp.exec(stmt, interp.moduleScope));
}

/**
 * Functions and methods the file defines but never calls (a `build_model`
 * used from elsewhere) still deserve hints while they are written: each is
 * run once on unknown arguments, as a path that may not be taken (nothing in
 * it is reported as an error), after the summary was taken.
 */
function runUncalledFunctions(interp: Interpreter, marks?: RunMarks): void {
  runUnsure(interp, interp.defined, (fn) => {
    // Another module's functions get their hints in that file's own analysis.
    if (
      !interp.called.has(fn) &&
      !interp.budget.degraded &&
      interp.steps <= LIMITS.steps / 2 &&
      !interp.modules.moduleOf(fn)
    ) {
      marks?.uncalled(fn);
      interp.callFunction(fn, [], [], undefined);
    }
  });
  marks?.end();
}

/** Runs `each` on every item as a path that may not be taken: what it raises or returns ends that item only; the budget ends all. */
function runUnsure<T>(interp: Interpreter, items: T[], each: (item: T) => void): void {
  interp.uncertain++;
  try {
    for (const item of items) {
      try {
        each(item);
      } catch (e) {
        if (e instanceof BudgetExceeded) break;
        if (isStackOverflow(e)) continue;
        if (!(
          e instanceof PyRaise ||
          e instanceof ReturnSignal ||
          e instanceof BreakSignal ||
          e instanceof ContinueSignal
        ))
          throw e;
      }
    }
  } finally {
    interp.uncertain--;
  }
}

/** V8's error when the stack runs out: a `RangeError`, which a deeper catch may have let through. */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes('call stack');
}
