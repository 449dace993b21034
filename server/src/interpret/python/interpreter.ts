/**
 * The Python evaluator: runs the file's Python over the abstract values of
 * `values.ts`, without running anything for real. Statements and
 * expressions are evaluated as Python would where the values are known;
 * what is not known becomes `unknown` and flows on. What a library defines
 * it asks of its host (`host.ts`).
 *
 * An exception stops the run as it would stop the file, unless it happens
 * on a path the analysis is not sure is taken (an `if` on an unknown value):
 * there it only makes the results unknown.
 */

import { MAX_SYNTAX_DEPTH, TOO_DEEP, type PyNode as SyntaxNode } from '../../syntax/ast';
import {
  isLibraryInstance,
  isLibraryValue,
  nestedSize,
  spanOf,
  unknown,
  UNKNOWN,
  NONE_V,
  spanContext,
  type ClassObj,
  type FunctionObj,
  type Span,
  type Value,
} from '../values';
import { builtinName, callBuiltin, isTruthy } from './builtins';
import { evalComprehension } from './comprehensions';
import { execFor, execIf, execTry, execWhile, execWith } from './controlFlow';
import { bindParameters, evalArguments } from './functions';
import { defineClass, defineFunction, execImport, parameterDefaults } from './definitions';
import {
  binary,
  evalBoolean,
  evalComparison,
  evalConcatenated,
  evalDict,
  evalItems,
  evalSet,
  evalSubscript,
  evalUnary,
} from './expressions';
import type { LibraryHost } from './host';
import { Budget, LIMITS, type NoteKind } from './limits';
import { parseFloatLiteral, parseIntLiteral, parseStringLiteral } from './literals';
import { ModuleRegistry, type ModuleLoader } from './modules';
import { callMethod, findMethod, getAttribute, instantiate } from './objects';
import { Scope } from './scope';
import { assign, execDelete, execExpression } from './statements';
import { BreakSignal, ContinueSignal, PyRaise, ReturnSignal } from './signals';
import type { CheckedError } from '../../shapes/errors';
import { evalFString, FSTRING, TOO_LARGE } from './strings';

type ArrayShape = Extract<Value, { kind: 'array' }>['shape'];
export type ArrayBinding = { name: string; span: Span; shape: ArrayShape | undefined };

/** A map with a log of every `set` in order (`interpret/incremental/` replays a statement's). */
export class LoggedMap<K, V> extends Map<K, V> {
  readonly log: Array<[K, V]> = [];
  override set(key: K, value: V): this {
    this.log?.push([key, value]);
    return super.set(key, value);
  }
}

export class Interpreter {
  /** The libraries the file uses: what their names, objects and classes do. */
  readonly host: LibraryHost;
  readonly moduleScope = new Scope(undefined, 'module');
  /** The file's work: steps, the items its values hold, and the notes on where analysis stopped. */
  readonly budget = new Budget();
  private depth = 0;
  /**
   * Per function being run, innermost last: a `return` met on a branch that
   * may not be taken (an `if` on an unknown value) does not end the run of
   * the function; its value waits here while the rest of the body runs as a
   * path that may not be taken either (see `uncertainReturn`).
   */
  private readonly frames: Array<{ pending: Value | undefined; uncertainAdded: number }> = [];
  /** The methods being run, innermost last: what a bare `super()` refers to. */
  private readonly methodStack: Array<{ cls: ClassObj; self: Value }> = [];
  /** >0 while on a path that may not be taken. */
  uncertain = 0;
  /** Every function and method the file defines, and those its run called. */
  readonly defined: FunctionObj[] = [];
  readonly called = new Set<FunctionObj>();
  /** The workspace modules the file imports (`modules.ts`). */
  readonly modules: ModuleRegistry;
  /**
   * Each place a name was bound to an array, and where such a name was bound again to something else
   * (`shape` undefined); the latest binding made at a place wins. Hover on data reads it.
   */
  readonly arrays = new LoggedMap<string, ArrayBinding>();
  readonly arrayNames = new Set<string>();

  /**
   * `makeHost` makes the host this evaluator asks (it may keep the evaluator, to call back into it);
   * `loader` finds the workspace's own modules (none without it).
   */
  constructor(makeHost: (interp: Interpreter) => LibraryHost, loader?: ModuleLoader) {
    this.modules = new ModuleRegistry(loader);
    this.host = makeHost(this);
    this.moduleScope.set('__name__', { kind: 'str', value: '__main__' });
  }

  /**
   * Raises an error of the catalogue (`errorOf(kind, data)`, or an error the
   * engine returned), or, on an uncertain path, reports that the result is unknown.
   */
  raise(error: CheckedError, node: SyntaxNode): never | Value {
    if (this.uncertain > 0) return unknown(`would raise on an uncertain path: ${error.message}`);
    throw new PyRaise(error, spanOf(node));
  }

  noteArray(target: SyntaxNode, shape: ArrayShape | undefined): void {
    const span = spanOf(target);
    if (shape !== undefined) this.arrayNames.add(target.text);
    this.arrays.set(`${span.startLine}:${span.startCol}`, { name: target.text, span, shape });
  }

  tick(): void {
    this.budget.tick();
  }

  /** Steps evaluated so far. */
  get steps(): number {
    return this.budget.steps;
  }

  /** The value at `node` is past a bound: noted on its line, and unknown from here on. */
  stopFollowing(kind: NoteKind, node: SyntaxNode, limit: number = LIMITS.sequenceItems): Value {
    this.budget.note(kind, spanOf(node), limit);
    return unknown(`analysis stopped following it (${kind})`);
  }

  /** A new value of `size` items or characters made at `node`: true when it is within the budget (else noted). */
  grow(size: number, node: SyntaxNode): boolean {
    if (this.budget.grow(size)) return true;
    this.stopFollowing('value-too-large', node);
    return false;
  }

  /** A string made at `node` (f-string, `str()`, `%`, a string method): past its size budget or the file's, unknown with a note. */
  madeText(v: Value, node: SyntaxNode): Value {
    if (v === TOO_LARGE) return this.stopFollowing('value-too-large', node);
    if (v.kind === 'str' && !this.grow(v.value.length, node)) return UNKNOWN;
    return v;
  }

  // ---------------------------------------------------------------- statements

  execBlock(node: SyntaxNode, scope: Scope): void {
    for (const stmt of node.namedChildren) if (stmt) this.exec(stmt, scope);
  }

  exec(node: SyntaxNode, scope: Scope): void {
    this.tick();
    // A statement the parser had to repair may mean something else once typed out:
    // analyse it, but never claim that it raises.
    if (node.hasError && node.type !== 'module') {
      this.uncertain++;
      try {
        this.execStatement(node, scope);
      } finally {
        this.uncertain--;
      }
      return;
    }
    this.execStatement(node, scope);
  }

  private execStatement(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'expression_statement':
        for (const c of node.namedChildren) if (c) execExpression(this, c, scope);
        return;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        execImport(this, node, scope);
        return;
      case 'function_definition':
        defineFunction(this, node, scope);
        return;
      case 'decorated_definition': {
        const def = node.childForFieldName('definition');
        if (def) this.exec(def, scope);
        return;
      }
      case 'class_definition':
        defineClass(this, node, scope);
        return;
      case 'if_statement':
        execIf(this, node, scope);
        return;
      case 'for_statement':
        execFor(this, node, scope);
        return;
      case 'while_statement':
        execWhile(this, node, scope);
        return;
      case 'return_statement': {
        const v = node.namedChildren[0];
        throw new ReturnSignal(v ? this.eval(v, scope) : NONE_V);
      }
      case 'break_statement':
        throw new BreakSignal();
      case 'continue_statement':
        throw new ContinueSignal();
      case 'try_statement':
        execTry(this, node, scope);
        return;
      case 'with_statement':
        execWith(this, node, scope);
        return;
      case 'block':
        this.execBlock(node, scope);
        return;
      case 'delete_statement':
        execDelete(this, node, scope);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const c of node.namedChildren)
          if (c.type === 'identifier')
            scope.declareOuter(c.text, node.type === 'global_statement' ? 'global' : 'nonlocal');
        return;
      case 'raise_statement':
        // A user's own raise: on a certain path the file stops here, but not with a Keras error.
        if (this.uncertain === 0) throw new ReturnSignal(UNKNOWN);
        return;
      case TOO_DEEP:
        this.stopFollowing('too-deep', node, MAX_SYNTAX_DEPTH);
        return;
      default:
        // pass, global, nonlocal, assert, delete, print, comments, ERROR nodes: nothing to model.
        return;
    }
  }

  // --------------------------------------------------------------- expressions

  eval(node: SyntaxNode | null | undefined, scope: Scope): Value {
    if (!node) return UNKNOWN;
    this.tick();
    switch (node.type) {
      // Literals are parsed once per node (nodes live as long as their text is unchanged).
      case 'integer':
        return (node.memo ??= parseIntLiteral(node.text)) as Value;
      case 'float':
        return (node.memo ??= parseFloatLiteral(node.text)) as Value;
      case 'string': {
        let v = node.memo as Value | typeof FSTRING | undefined;
        if (v === undefined) {
          v = parseStringLiteral(node) as Value;
          if (v.kind === 'unknown' && v.why === 'f-string') v = FSTRING;
          node.memo = v;
        }
        return v === FSTRING ? this.madeText(evalFString(this, node, scope), node) : v;
      }
      case 'concatenated_string':
        return evalConcatenated(this, node, scope);
      case 'true':
        return { kind: 'bool', value: true };
      case 'false':
        return { kind: 'bool', value: false };
      case 'none':
        return NONE_V;
      case 'ellipsis':
        return { kind: 'ref', qualname: 'builtins.Ellipsis' };
      case 'identifier':
        return (
          scope.lookup(node.text) ??
          builtinName(node.text) ??
          this.host.starImported(node.text) ??
          unknown(`name ${node.text}`)
        );
      case 'parenthesized_expression':
        return this.eval(node.namedChildren.find((c) => c?.type !== 'comment') ?? null, scope);
      case 'tuple':
      case 'list':
      case 'expression_list': {
        const items = evalItems(this, node, scope);
        if (!items) return unknown('a starred item of unknown length');
        if (nestedSize(items, LIMITS.nestedItems) > LIMITS.nestedItems)
          return this.stopFollowing('value-too-large', node, LIMITS.nestedItems);
        return { kind: node.type === 'list' ? 'list' : 'tuple', items };
      }
      case 'set':
        return evalSet(this, node, scope);
      case 'dictionary':
        return evalDict(this, node, scope);
      case 'unary_operator':
        return evalUnary(this, node, scope);
      case 'not_operator': {
        const t = isTruthy(this.eval(node.childForFieldName('argument'), scope));
        return t === undefined ? UNKNOWN : { kind: 'bool', value: !t };
      }
      case 'boolean_operator':
        return evalBoolean(this, node, scope);
      case 'binary_operator': {
        const op = node.childForFieldName('operator')?.text ?? '';
        return binary(
          this,
          op,
          this.eval(node.childForFieldName('left'), scope),
          this.eval(node.childForFieldName('right'), scope),
          node,
        );
      }
      case 'comparison_operator':
        return evalComparison(this, node, scope);
      case 'conditional_expression': {
        const [a, cond, b] = node.namedChildren;
        const t = isTruthy(this.eval(cond, scope));
        if (t === undefined) return UNKNOWN;
        return this.eval(t ? a : b, scope);
      }
      case 'attribute': {
        const obj = this.eval(node.childForFieldName('object'), scope);
        return getAttribute(this, obj, node.childForFieldName('attribute')?.text ?? '', node);
      }
      case 'subscript':
        return evalSubscript(this, node, scope);
      case 'call':
        return this.evalCall(node, scope);
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return evalComprehension(this, node, scope);
      case 'lambda':
        return {
          kind: 'function',
          fn: { name: '<lambda>', node, closure: scope, defaults: parameterDefaults(this, node, scope) },
        };
      case 'named_expression': {
        const v = this.eval(node.childForFieldName('value'), scope);
        const name = node.childForFieldName('name');
        if (name) assign(this, name, v, scope);
        return v;
      }
      case 'keyword_argument':
        return this.eval(node.childForFieldName('value'), scope);
      case 'await':
        return this.eval(node.namedChildren[0] ?? null, scope);
      case TOO_DEEP:
        return this.stopFollowing('too-deep', node, MAX_SYNTAX_DEPTH);
      default:
        return unknown(node.type);
    }
  }

  // --------------------------------------------------------------------- calls

  private evalCall(node: SyntaxNode, scope: Scope): Value {
    const fnNode = node.childForFieldName('function');
    const callee = this.eval(fnNode, scope);
    if (node.memo !== undefined && callee.kind === 'ref') {
      // A library call with literal arguments, made on an earlier run of this node.
      const remembered = this.host.callRemembered(callee.qualname, node);
      if (remembered) return remembered;
    }
    const args: Value[] = [];
    const kwargs: Array<[string, Value]> = [];
    const incomplete = evalArguments(this, node.childForFieldName('arguments'), scope, args, kwargs);
    return this.call(callee, args, kwargs, node, incomplete);
  }

  /** Calls any callable value with evaluated arguments. */
  call(callee: Value, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode, incomplete = false): Value {
    // The file's own call: where another module's code it leads to is seen from (`modules.ts`).
    if (spanContext.anchor === undefined) this.modules.callSite = node;
    switch (callee.kind) {
      case 'function':
        return this.callFunction(callee.fn, args, kwargs, undefined);
      case 'bound':
        return this.callFunction(callee.fn, args, kwargs, callee.self);
      case 'class':
        return instantiate(this, callee.cls, args, kwargs, node);
      case 'partial':
        return this.call(callee.fn, [...callee.args, ...args], mergeKeywords(callee.kwargs, kwargs), node, incomplete);
      case 'ref':
        if (callee.qualname === 'builtins.super') return this.superObject(args);
        if (callee.qualname === 'functools.partial') return partialObject(args, kwargs);
        if (callee.qualname.startsWith('builtins.'))
          return callBuiltin(this, callee.qualname.slice(9), args, kwargs, node);
        return this.host.call(callee, args, kwargs, node, incomplete);
      case 'instance': {
        if (isLibraryInstance(callee.inst)) return this.host.call(callee, args, kwargs, node, incomplete);
        const fn = findMethod(callee.inst.cls, '__call__');
        return fn ? this.callFunction(fn, args, kwargs, callee) : UNKNOWN;
      }
      case 'method':
        return callMethod(this, callee, args, kwargs, node);
      default:
        return isLibraryValue(callee) ? this.host.call(callee, args, kwargs, node, incomplete) : UNKNOWN;
    }
  }

  /** `super()` (the method being run gives the class and `self`) or `super(Cls, self)`. */
  private superObject(args: Value[]): Value {
    if (args.length === 2)
      return args[0].kind === 'class' ? { kind: 'super', cls: args[0].cls, self: args[1] } : UNKNOWN;
    const top = this.methodStack[this.methodStack.length - 1];
    return top && args.length === 0 ? { kind: 'super', cls: top.cls, self: top.self } : UNKNOWN;
  }

  /** Runs a function of the file on evaluated arguments (`self` first for a method). */
  callFunction(fn: FunctionObj, args: Value[], kwargs: Array<[string, Value]>, self: Value | undefined): Value {
    if (this.depth >= LIMITS.callDepth) return unknown('call depth limit');
    const owner = this.modules.moduleOf(fn);
    if (owner !== undefined || spanContext.anchor !== undefined)
      return this.modules.runAs(owner, this.modules.callSite, () => this.runFunction(fn, args, kwargs, self));
    return this.runFunction(fn, args, kwargs, self);
  }

  private runFunction(fn: FunctionObj, args: Value[], kwargs: Array<[string, Value]>, self: Value | undefined): Value {
    this.called.add(fn);
    const scope = bindParameters(fn, args, kwargs, self);
    const body = fn.node.childForFieldName('body');
    if (!body) return NONE_V;
    this.depth++;
    const method = fn.owner && self !== undefined;
    if (method) this.methodStack.push({ cls: fn.owner!, self: self! });
    const frame = { pending: undefined as Value | undefined, uncertainAdded: 0 };
    this.frames.push(frame);
    try {
      // A lambda's body is one expression.
      if (fn.node.type === 'lambda') return this.eval(body, scope);
      this.execBlock(body, scope);
      return frame.pending ?? NONE_V;
    } catch (e) {
      // The body's own end wins over an early return that may not happen, unless it says nothing (unknown, or
      // a None that the early return's value may replace: `if known: return x` then `return None`).
      if (e instanceof ReturnSignal)
        return frame.pending && (e.value.kind === 'unknown' || e.value.kind === 'none') ? frame.pending : e.value;
      throw e;
    } finally {
      this.frames.pop();
      this.uncertain -= frame.uncertainAdded;
      this.depth--;
      if (method) this.methodStack.pop();
    }
  }

  /**
   * A `return` on a branch that may not be taken (`if checkpoints: return
   * load_model(...)`): inside a function, the run goes on after the branch,
   * as a path that may not be taken, and the function gives the value of
   * the path that ends it (this one when that says nothing). False at
   * module level, where the return ends the file.
   */
  uncertainReturn(value: Value): boolean {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) return false;
    frame.pending ??= value;
    frame.uncertainAdded++;
    this.uncertain++;
    return true;
  }
}

/** `functools.partial(func, /, *args, **keywords)`; without a function (or with `*args` not expanded) nothing is known. */
function partialObject(args: Value[], kwargs: Array<[string, Value]>): Value {
  if (args.length === 0) return UNKNOWN;
  return { kind: 'partial', fn: args[0], args: args.slice(1), kwargs };
}

/** `{**partial.keywords, **keywords}`: a keyword given at the call replaces the partial's, in the partial's place. */
function mergeKeywords(first: Array<[string, Value]>, then: Array<[string, Value]>): Array<[string, Value]> {
  const merged = new Map(first);
  for (const [k, v] of then) merged.set(k, v);
  return [...merged];
}
