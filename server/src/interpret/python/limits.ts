/**
 * Bounds on the interpreter's work, so any file finishes quickly whatever it
 * contains: deep recursion, endless loops and huge files stop the analysis
 * of that part, never the server.
 */

export const LIMITS = {
  /** Statements and expressions evaluated in one file. */
  steps: 400_000,
  /** Nested user-function calls. */
  callDepth: 40,
  /** Iterations of one loop that are unrolled. */
  loopIterations: 1_000,
  /** Items of a comprehension or a built list. */
  sequenceItems: 100_000,
};

/** Thrown when a bound is reached; the interpreter stops that part and records why. */
export class BudgetExceeded extends Error {}
