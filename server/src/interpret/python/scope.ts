/**
 * Name scopes: module globals, function locals, class bodies. Lookup follows
 * Python's LEGB order closely enough for model-building code.
 */

import type { Value } from '../values';

export class Scope {
  private readonly vars = new Map<string, Value>();
  /** Names a `global` or `nonlocal` statement gave to an outer scope, and the scope that holds them. */
  private outer: Map<string, Scope> | undefined;

  constructor(
    readonly parent: Scope | undefined,
    readonly kind: 'module' | 'function' | 'class',
  ) {}

  lookup(name: string): Value | undefined {
    const elsewhere = this.outer?.get(name);
    if (elsewhere) return elsewhere.lookup(name);
    const own = this.vars.get(name);
    if (own) return own;
    // Class bodies are not visible from the methods defined in them.
    let p = this.parent;
    while (p && p.kind === 'class') p = p.parent;
    return p?.lookup(name);
  }

  set(name: string, value: Value): void {
    const elsewhere = this.outer?.get(name);
    if (elsewhere) elsewhere.set(name, value);
    else this.vars.set(name, value);
  }

  /** `global name` (the module's scope) or `nonlocal name` (the nearest enclosing function's that has it). */
  declareOuter(name: string, how: 'global' | 'nonlocal'): void {
    let target: Scope | undefined = this.parent;
    if (how === 'global') while (target?.parent) target = target.parent;
    else while (target && (target.kind !== 'function' || !target.vars.has(name))) target = target.parent;
    if (target && target !== this) (this.outer ??= new Map()).set(name, target);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  entries(): IterableIterator<[string, Value]> {
    return this.vars.entries();
  }
}
