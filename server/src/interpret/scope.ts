/**
 * Name scopes: module globals, function locals, class bodies. Lookup follows
 * Python's LEGB order closely enough for model-building code.
 */

import type { Value } from './values';

export class Scope {
  private readonly vars = new Map<string, Value>();

  constructor(
    readonly parent: Scope | undefined,
    readonly kind: 'module' | 'function' | 'class',
  ) {}

  lookup(name: string): Value | undefined {
    const own = this.vars.get(name);
    if (own) return own;
    // Class bodies are not visible from the methods defined in them.
    let p = this.parent;
    while (p && p.kind === 'class') p = p.parent;
    return p?.lookup(name);
  }

  set(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  entries(): IterableIterator<[string, Value]> {
    return this.vars.entries();
  }
}
