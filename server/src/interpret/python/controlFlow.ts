/**
 * Control flow: `if` on known and unknown values (an unknown branch is taken
 * as a path that may not run), `for` unrolled within limits, `while`, `try`
 * and `with`. Each takes the `Interpreter` running them.
 */

import { shapesEqual } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { spanOf, UNKNOWN, type Value } from '../values';
import { isTruthy, iterate } from './builtins';
import { importError } from './definitions';
import type { Interpreter } from './interpreter';
import { LIMITS } from './limits';
import type { Scope } from './scope';
import { BreakSignal, ContinueSignal, ReturnSignal } from './signals';
import { assign } from './statements';

export function execIf(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const branches: Array<{ cond: SyntaxNode | null; body: SyntaxNode | null }> = [
    { cond: node.childForFieldName('condition'), body: node.childForFieldName('consequence') },
  ];
  for (const alt of node.childrenForFieldName('alternative')) {
    if (!alt) continue;
    if (alt.type === 'elif_clause')
      branches.push({ cond: alt.childForFieldName('condition'), body: alt.childForFieldName('consequence') });
    else branches.push({ cond: null, body: alt.childForFieldName('body') });
  }
  let uncertainEntered = 0;
  let before: Map<string, Value | undefined> | undefined;
  let touched: ReturnType<typeof targetsIn> | undefined;
  try {
    for (const b of branches) {
      const truth = b.cond ? isTruthy(interp.eval(b.cond, scope)) : true;
      if (truth === false) continue;
      if (truth === undefined && !touched) {
        // Not known which branch runs: take this one, but nothing on it may raise for sure,
        // and afterwards what another branch would have left differently is not known.
        touched = targetsIn(branches.map((x) => x.body));
        before = new Map([...touched.assigned].map((name) => [name, scope.lookup(name)]));
      }
      if (truth === undefined) {
        interp.uncertain++;
        uncertainEntered++;
      }
      try {
        if (b.body) interp.execBlock(b.body, scope);
      } catch (e) {
        if (!(truth === undefined && e instanceof ReturnSignal && interp.uncertainReturn(e.value))) throw e;
      }
      return;
    }
  } finally {
    interp.uncertain -= uncertainEntered;
    if (before && touched) forgetWhatVaries(before, touched.mutated, scope);
  }
}

export function execFor(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const body = node.childForFieldName('body');
  const iterable = interp.eval(node.childForFieldName('right'), scope);
  // Once the file's budget is spent, a loop runs once on unknown values.
  const items = interp.budget.degraded ? undefined : iterate(iterable);
  if (!left || !body) return;
  if (items === undefined) {
    // Unknown iterable: run the body once on unknown values, as a path that may not be taken.
    const touched = targetsIn([body], node);
    const before = new Map([...touched.assigned].map((name) => [name, scope.lookup(name)]));
    interp.uncertain++;
    try {
      assign(interp, left, UNKNOWN, scope);
      loopBody(interp, body, scope);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      interp.uncertain--;
    }
    forgetWhatVaries(before, touched.mutated, scope);
    return;
  }
  let n = 0;
  for (const item of items) {
    if (++n > LIMITS.loopIterations) {
      abandonLoop(interp, node, body, scope);
      return;
    }
    assign(interp, left, item, scope);
    try {
      loopBody(interp, body, scope);
    } catch (e) {
      if (e instanceof BreakSignal) return;
      throw e;
    }
  }
  const alt = node.childForFieldName('alternative');
  if (alt) interp.execBlock(alt.childForFieldName('body') ?? alt, scope);
}

function loopBody(interp: Interpreter, body: SyntaxNode, scope: Scope): void {
  try {
    interp.execBlock(body, scope);
  } catch (e) {
    if (!(e instanceof ContinueSignal)) throw e;
  }
}

export function execWhile(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const body = node.childForFieldName('body');
  const cond = node.childForFieldName('condition');
  if (!body) return;
  for (let n = 0; n < LIMITS.loopIterations; n++) {
    const truth = interp.budget.degraded ? undefined : isTruthy(interp.eval(cond, scope));
    if (truth === false) return;
    if (truth === undefined) {
      // Unknown condition (a training loop, an event loop): its body is not model building we can
      // order, and is not run; what it would assign or append to, it may or may not have.
      const touched = targetsIn([body]);
      forgetWhatVaries(new Map([...touched.assigned].map((name) => [name, undefined])), touched.mutated, scope, true);
      return;
    }
    try {
      loopBody(interp, body, scope);
    } catch (e) {
      if (e instanceof BreakSignal) return;
      throw e;
    }
  }
  abandonLoop(interp, node, body, scope);
}

/**
 * Names the statements in `blocks` assign (and the target of `loop`, the
 * `for` statement they are the body of, if any), and names whose values
 * they call a method on.
 */
function targetsIn(
  blocks: Array<SyntaxNode | null>,
  loop?: SyntaxNode,
): { assigned: Set<string>; mutated: Set<string> } {
  const assigned = new Set<string>();
  const mutated = new Set<string>();
  const stack: Array<[SyntaxNode, SyntaxNode | null]> = [];
  for (const b of blocks) if (b) stack.push([b, null]);
  const left = loop?.childForFieldName('left');
  if (loop && left) stack.push([left, loop]);
  while (stack.length > 0) {
    const [n, parent] = stack.pop()!;
    if (n.type === 'identifier') {
      const t = parent?.type;
      const target =
        (t === 'assignment' || t === 'augmented_assignment' || t === 'for_statement' || t === 'for_in_clause') &&
        parent!.childForFieldName('left') === n;
      if (target || t === 'pattern_list' || t === 'tuple_pattern' || t === 'list_pattern') assigned.add(n.text);
      continue;
    }
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      if (obj?.type === 'identifier') mutated.add(obj.text);
    }
    // A nested function's body does not run with the loop.
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') continue;
    for (const c of n.namedChildren) if (c) stack.push([c, n]);
  }
  return { assigned, mutated };
}

/**
 * After the one run of a loop whose number of iterations is not known (or
 * of one branch of an `if` on an unknown condition), a name keeps its value
 * only where one more or one less iteration (another branch) could not
 * change it: a value the body left as it was, or a tensor whose shape it
 * kept (a residual block). Anything else would hold the result of exactly
 * one path and becomes unknown: a counter, a tensor the body reshapes (its
 * shape is not known; its place in the graph is), a list the body appends to.
 */
function forgetWhatVaries(
  before: Map<string, Value | undefined>,
  mutated: Set<string>,
  scope: Scope,
  notRun = false,
): void {
  for (const [name, old] of before) {
    const now = scope.lookup(name);
    if (!now || (old === undefined && !notRun) || now === old) continue;
    if (
      old &&
      now.kind === 'tensor' &&
      old.kind === 'tensor' &&
      now.tensor.shape &&
      old.tensor.shape &&
      shapesEqual(now.tensor.shape, old.tensor.shape)
    )
      continue;
    if (now.kind === 'tensor') scope.set(name, { kind: 'tensor', tensor: { ...now.tensor, shape: null } });
    else if (!old || !sameValue(old, now)) scope.set(name, UNKNOWN);
  }
  for (const name of mutated) {
    const v = scope.lookup(name);
    if (v && (v.kind === 'list' || v.kind === 'dict')) scope.set(name, UNKNOWN);
  }
}

function sameValue(a: Value, b: Value): boolean {
  if ((a.kind === 'int' || a.kind === 'float' || a.kind === 'str' || a.kind === 'bool') && a.kind === b.kind)
    return a.value === (b as typeof a).value;
  return a.kind === 'none' && b.kind === 'none';
}

/**
 * A loop longer than the unrolling limit (data generation, usually): the
 * rest of it is not run, and what its body assigns or mutates becomes
 * unknown, so the file goes on without values the loop had not finished.
 */
function abandonLoop(interp: Interpreter, node: SyntaxNode, body: SyntaxNode, scope: Scope): void {
  interp.budget.note('loop-too-long', spanOf(node), LIMITS.loopIterations);
  forgetAbandoned(interp, node, scope, body);
}

/**
 * A statement (or the rest of a loop, `body`) the analysis stopped running:
 * what it assigns or mutates becomes unknown, so the file goes on without
 * values it had not finished.
 */
export function forgetAbandoned(interp: Interpreter, node: SyntaxNode, scope: Scope, body: SyntaxNode = node): void {
  const touched = targetsIn([body], node.type === 'for_statement' ? node : undefined);
  for (const name of touched.assigned) scope.set(name, UNKNOWN);
  // `items.append(x)`: the receiver is mutated (a module called on, `np.zeros(...)`, is not).
  for (const name of touched.mutated) if (scope.lookup(name)?.kind !== 'ref') scope.set(name, UNKNOWN);
}

export function execTry(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const body = node.childForFieldName('body');
  const handlers = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'except_clause');
  const finallyClause = node.namedChildren.find((c) => c?.type === 'finally_clause');
  try {
    if (handlers.length > 0 && body && tryFailingImport(interp, body, handlers, scope)) {
      // The body's import fails for sure and a handler takes it: both ran, as in Python.
    } else if (handlers.length > 0) {
      // Errors inside a try with handlers are caught by the file itself: never report them. The
      // handlers are not run; what they (or the rest of an interrupted body) would have left
      // differently is not known afterwards.
      const touched = targetsIn([body, ...handlers]);
      const before = new Map([...touched.assigned].map((name) => [name, scope.lookup(name)]));
      interp.uncertain++;
      try {
        if (body) interp.execBlock(body, scope);
      } finally {
        interp.uncertain--;
      }
      // A name only the body sets keeps its value; one a handler sets may hold the handler's instead.
      const handlerAssigns = targetsIn(handlers);
      for (const name of touched.assigned) if (!handlerAssigns.assigned.has(name)) before.delete(name);
      forgetWhatVaries(before, handlerAssigns.mutated, scope, true);
    } else if (body && !finallyClause) {
      // `try:` with neither `except` nor `finally` yet (being typed): Python refuses the file, so nothing in it is sure.
      interp.uncertain++;
      try {
        interp.execBlock(body, scope);
      } finally {
        interp.uncertain--;
      }
    } else if (body) {
      interp.execBlock(body, scope);
    }
    const elseClause = node.namedChildren.find((c) => c?.type === 'else_clause');
    const elseBody = elseClause?.childForFieldName('body');
    if (elseBody) interp.execBlock(elseBody, scope);
  } finally {
    const fin = finallyClause?.namedChildren.find((c) => c?.type === 'block');
    if (fin) interp.execBlock(fin, scope);
  }
}

/** The errors a failing import raises, and the built-in classes that catch each. */
const CAUGHT_BY: Record<string, string[]> = {
  ModuleNotFoundError: ['ModuleNotFoundError', 'ImportError', 'Exception', 'BaseException'],
  ImportError: ['ImportError', 'Exception', 'BaseException'],
};

/** Built-in exception classes that are not bases of ImportError: a handler for them lets an import error through. */
const OTHER_BUILTIN_ERRORS = new Set([
  'ValueError',
  'TypeError',
  'KeyError',
  'IndexError',
  'AttributeError',
  'NameError',
  'OSError',
  'RuntimeError',
]);

/**
 * A `try` whose body is imports, one of which a library refuses (code written
 * for Keras 2 and 3: `try: from keras.layers.core import Dense` /
 * `except ImportError: from keras.layers import Dense`). The imports before
 * the failing one run, then the handler that catches its error. False (and
 * nothing run) when the body holds anything else, no import fails, or which
 * handler catches it cannot be told.
 */
function tryFailingImport(interp: Interpreter, body: SyntaxNode, handlers: SyntaxNode[], scope: Scope): boolean {
  const statements = body.namedChildren.filter((c) => c.type !== 'comment');
  const failing = statements.findIndex((st) => importError(interp, st) !== undefined);
  if (
    failing < 0 ||
    statements.slice(0, failing).some((st) => st.type !== 'import_statement' && st.type !== 'import_from_statement')
  )
    return false;
  const catchers = CAUGHT_BY[importError(interp, statements[failing])!.pyType] ?? [];
  let handler: SyntaxNode | undefined;
  for (const h of handlers) {
    const value = h.childForFieldName('value');
    const types = value?.type === 'as_pattern' ? value.namedChildren[0] : value;
    const names = !types
      ? ['BaseException']
      : types.type === 'tuple'
        ? types.namedChildren.map((t) => t.text)
        : [types.text];
    if (names.some((n) => catchers.includes(n))) {
      handler = h;
      break;
    }
    // A class not known here might catch it first: which handler runs cannot be told.
    if (names.some((n) => !(n in CAUGHT_BY) && !OTHER_BUILTIN_ERRORS.has(n))) return false;
  }
  if (!handler) return false;
  for (const st of statements.slice(0, failing)) interp.exec(st, scope);
  const alias = handler.childForFieldName('value')?.childForFieldName('alias');
  if (alias) assign(interp, alias.namedChildren[0] ?? alias, UNKNOWN, scope);
  const block = handler.namedChildren.find((c) => c.type === 'block');
  if (block) interp.execBlock(block, scope);
  return true;
}

export function execWith(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  for (const clause of node.namedChildren) {
    if (clause?.type !== 'with_clause') continue;
    for (const item of clause.namedChildren) {
      const value = item?.childForFieldName('value');
      if (!value) continue;
      if (value.type === 'as_pattern') {
        const v = interp.eval(value.namedChildren[0] ?? null, scope);
        const target = value.childForFieldName('alias') ?? value.namedChildren[1];
        if (target)
          assign(interp, target.type === 'as_pattern_target' ? (target.namedChildren[0] ?? target) : target, v, scope);
      } else {
        interp.eval(value, scope);
      }
    }
  }
  const body = node.childForFieldName('body');
  if (body) interp.execBlock(body, scope);
}
