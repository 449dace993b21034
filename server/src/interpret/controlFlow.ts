/**
 * Control flow: `if` on known and unknown values (an unknown branch is taken
 * as a path that may not run), `for` unrolled within limits, `while`, `try`
 * and `with`. Each takes the `Interpreter` running them.
 */

import type { PyNode as SyntaxNode } from '../syntax/ast';
import { iterate } from './builtins';
import { BreakSignal, ContinueSignal, type Interpreter } from './interpreter';
import { LIMITS } from './limits';
import type { Scope } from './scope';
import { UNKNOWN } from './values';
export function execIf(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const branches: Array<{ cond: SyntaxNode | null; body: SyntaxNode | null }> = [
    { cond: node.childForFieldName('condition'), body: node.childForFieldName('consequence') },
  ];
  for (const alt of node.childrenForFieldName('alternative')) {
    if (!alt) continue;
    if (alt.type === 'elif_clause') branches.push({ cond: alt.childForFieldName('condition'), body: alt.childForFieldName('consequence') });
    else branches.push({ cond: null, body: alt.childForFieldName('body') });
  }
  let uncertainEntered = 0;
  try {
    for (const b of branches) {
      const truth = b.cond ? interp.truthOf(interp.eval(b.cond, scope)) : true;
      if (truth === false) continue;
      if (truth === undefined) {
        // Not known which branch runs: take interp one, but nothing on it may raise for sure.
        interp.uncertain++;
        uncertainEntered++;
      }
      if (b.body) interp.execBlock(b.body, scope);
      return;
    }
  } finally {
    interp.uncertain -= uncertainEntered;
  }
}

export function execFor(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const body = node.childForFieldName('body');
  const iterable = interp.eval(node.childForFieldName('right'), scope);
  const items = iterate(iterable);
  if (!left || !body) return;
  if (items === undefined) {
    // Unknown iterable: run the body once on unknown values, as a path that may not be taken.
    interp.uncertain++;
    try {
      interp.assign(left, UNKNOWN, scope);
      loopBody(interp, body, scope);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      interp.uncertain--;
    }
    return;
  }
  let n = 0;
  for (const item of items) {
    if (++n > LIMITS.loopIterations) {
      abandonLoop(interp, node, body, scope);
      return;
    }
    interp.assign(left, item, scope);
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

export function loopBody(interp: Interpreter, body: SyntaxNode, scope: Scope): void {
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
    const truth = interp.truthOf(interp.eval(cond, scope));
    if (truth === false) return;
    if (truth === undefined) {
      // Unknown condition (a training loop, an event loop): its body is not model building we can order.
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
 * A loop longer than the unrolling limit (data generation, usually): the
 * rest of it is not run, and what its body assigns or mutates becomes
 * unknown, so the file goes on without values the loop had not finished.
 */
export function abandonLoop(interp: Interpreter, node: SyntaxNode, body: SyntaxNode, scope: Scope): void {
  interp.incomplete.push(`loop at line ${node.startPosition.row + 1} has more than ${LIMITS.loopIterations} iterations: its results are unknown`);
  const stack: Array<[SyntaxNode, SyntaxNode | null]> = [[body, null]];
  const left = node.childForFieldName('left');
  if (left) stack.push([left, node]);
  while (stack.length > 0) {
    const [n, parent] = stack.pop()!;
    if (n.type === 'identifier') {
      const t = parent?.type;
      const assigned = (t === 'assignment' || t === 'augmented_assignment' || t === 'for_statement' || t === 'for_in_clause') && parent!.childForFieldName('left') === n;
      const inPattern = t === 'pattern_list' || t === 'tuple_pattern' || t === 'list_pattern';
      if (assigned || inPattern) scope.set(n.text, UNKNOWN);
      continue;
    }
    // `items.append(x)`: the receiver is mutated.
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      if (obj?.type === 'identifier' && scope.lookup(obj.text)?.kind !== 'ref') scope.set(obj.text, UNKNOWN);
    }
    for (const c of n.namedChildren) if (c) stack.push([c, n]);
  }
}

export function execTry(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const body = node.childForFieldName('body');
  const handlers = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'except_clause');
  const finallyClause = node.namedChildren.find((c) => c?.type === 'finally_clause');
  try {
    if (handlers.length > 0) {
      // Errors inside a try with handlers are caught by the file itself: never report them.
      interp.uncertain++;
      try {
        if (body) interp.execBlock(body, scope);
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

export function execWith(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  for (const clause of node.namedChildren) {
    if (clause?.type !== 'with_clause') continue;
    for (const item of clause.namedChildren) {
      const value = item?.childForFieldName('value');
      if (!value) continue;
      if (value.type === 'as_pattern') {
        const v = interp.eval(value.namedChildren[0] ?? null, scope);
        const target = value.childForFieldName('alias') ?? value.namedChildren[1];
        if (target) interp.assign(target.type === 'as_pattern_target' ? (target.namedChildren[0] ?? target) : target, v, scope);
      } else {
        interp.eval(value, scope);
      }
    }
  }
  const body = node.childForFieldName('body');
  if (body) interp.execBlock(body, scope);
}
