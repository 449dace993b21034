/**
 * The abstract interpreter: runs the Python that builds Keras models over
 * the values of `values.ts`, without running anything for real. Statements
 * and expressions are evaluated as Python would where the values are known;
 * what is not known becomes `unknown` and flows on.
 *
 * A Keras error stops the run as the exception would stop the file, unless
 * it happens on a path the analysis is not sure is taken (an `if` on an
 * unknown value): there it only makes the results unknown.
 */

import type { PyNode as SyntaxNode } from '../syntax/ast';
import { DEFAULT_OPTIONS, type EngineOptions } from '../shapes/args';
import { parseFloatLiteral, parseIntLiteral, parseStringLiteral } from './literals';
import { BudgetExceeded, LIMITS } from './limits';
import { Scope } from './scope';
import {
  asInt,
  asItems,
  spanOf,
  unknown,
  UNKNOWN,
  NONE_V,
  type ClassObj,
  type FunctionObj,
  type LayerObj,
  type ModelObj,
  type Span,
  type Value,
} from './values';
import { KerasApi } from './kerasApi';
import { summarizeModel, type SummaryModel } from './summaryRows';
import { callBuiltin, isTruthy, iterate } from './builtins';
import { callInstance, instantiate } from './subclass';
import { evalFString, FSTRING } from './strings';
import {
  binary,
  evalBoolean,
  evalComparison,
  evalComprehension,
  evalItems,
  evalSubscript,
  keyEquals,
} from './expressions';
import { defineClass, defineFunction, execImport, parameterDefaults } from './definitions';
import { execFor, execIf, execTry, execWhile, execWith } from './controlFlow';

/** A Keras exception the file would raise: where, and what. */
export interface RaisedError {
  span: Span;
  pyType: string;
  message: string;
}

export interface Interpretation {
  /** Every model built, including those of functions run only for hints. */
  models: ModelObj[];
  layers: LayerObj[];
  /** What `model.summary()` prints for each model the file itself builds, when its run ends. */
  summary: SummaryModel[];
  error: RaisedError | null;
  /** Why parts of the file were not analysed (limits reached). */
  incomplete: string[];
}

/** Raised through the interpreter's stack when the file would raise. */
export class PyRaise extends Error {
  constructor(
    readonly pyType: string,
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export class ReturnSignal {
  constructor(readonly value: Value) {}
}
export class BreakSignal {}
export class ContinueSignal {}

export class Interpreter {
  readonly api: KerasApi;
  readonly moduleScope = new Scope(undefined, 'module');
  private steps = 0;
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
  readonly incomplete: string[] = [];
  /** Every function and method the file defines, and those its run called. */
  readonly defined: FunctionObj[] = [];
  readonly called = new Set<FunctionObj>();

  readonly options: EngineOptions;

  constructor(options: EngineOptions = DEFAULT_OPTIONS) {
    // A copy: `keras.config.set_image_data_format` in the file changes it for this run only.
    this.options = { ...options };
    this.api = new KerasApi(this);
    this.moduleScope.set('__name__', { kind: 'str', value: '__main__' });
  }

  run(module: SyntaxNode): Interpretation {
    let error: RaisedError | null = null;
    const statements = module.namedChildren;
    let at = 0;
    try {
      for (; at < statements.length; at++) this.exec(statements[at], this.moduleScope);
    } catch (e) {
      if (e instanceof PyRaise) error = { span: e.span, pyType: e.pyType, message: e.message };
      else if (e instanceof BudgetExceeded) this.incomplete.push(e.message);
      else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
        // `return`/`break` at module level: Python rejects the file; nothing more to run.
      } else throw e;
    }
    const summary = this.api.models.map(summarizeModel);
    if (error) this.runPastError(statements.slice(at + 1));
    this.runUncalledFunctions();
    return { models: this.api.models, layers: this.api.layers, summary, error, incomplete: this.incomplete };
  }

  /**
   * Python stops at the first error, and so does the summary (taken before).
   * The statements after it still deserve hints while the error is being
   * fixed (an import being typed at the top of a file would otherwise blank
   * them all): they run as a path that may not be taken, so nothing in them
   * is reported as an error.
   */
  private runPastError(statements: SyntaxNode[]): void {
    this.runUnsure(statements, (stmt) => this.exec(stmt, this.moduleScope));
  }

  /**
   * Functions and methods the file defines but never calls (a `build_model`
   * used from elsewhere) still deserve hints while they are written: each is
   * run once on unknown arguments, as a path that may not be taken (nothing in
   * it is reported as an error), after the summary was taken.
   */
  private runUncalledFunctions(): void {
    this.runUnsure(this.defined, (fn) => {
      if (!this.called.has(fn) && this.steps <= LIMITS.steps / 2) this.callFunction(fn, [], [], fn.node, undefined);
    });
  }

  /** Runs `each` on every item as a path that may not be taken: what it raises or returns ends that item only; the budget ends all. */
  private runUnsure<T>(items: T[], each: (item: T) => void): void {
    this.uncertain++;
    try {
      for (const item of items) {
        try {
          each(item);
        } catch (e) {
          if (e instanceof BudgetExceeded) break;
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
      this.uncertain--;
    }
  }

  /** Raises a Keras error, or, on an uncertain path, reports that the result is unknown. */
  raise(pyType: string, message: string, node: SyntaxNode): never | Value {
    if (this.uncertain > 0) return unknown(`would raise on an uncertain path: ${message}`);
    throw new PyRaise(pyType, message, spanOf(node));
  }

  tick(): void {
    if (++this.steps > LIMITS.steps) throw new BudgetExceeded(`stopped after ${LIMITS.steps} steps`);
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
        for (const c of node.namedChildren) if (c) this.evalStatementExpr(c, scope);
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
      case 'delete_statement': {
        const target = node.namedChildren[0];
        const targets = target?.type === 'expression_list' ? target.namedChildren : target ? [target] : [];
        for (const t of targets) this.deleteTarget(t, scope);
        return;
      }
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
      default:
        // pass, global, nonlocal, assert, delete, print, comments, ERROR nodes: nothing to model.
        return;
    }
  }

  /** `del x`, `del items[i]`, `del d[key]`; where what goes is not known, the container is not known either. */
  private deleteTarget(t: SyntaxNode, scope: Scope): void {
    if (t.type === 'identifier') {
      scope.set(t.text, unknown(`${t.text} was deleted`));
      return;
    }
    if (t.type !== 'subscript') return;
    const holder = t.childForFieldName('value');
    const obj = this.eval(holder, scope);
    const sub = t.childForFieldName('subscript');
    const index = sub && sub.type !== 'slice' ? this.eval(sub, scope) : UNKNOWN;
    const i = asInt(index);
    if (obj.kind === 'list' && i !== undefined && i >= -obj.items.length && i < obj.items.length) {
      obj.items.splice(i < 0 ? obj.items.length + i : i, 1);
      return;
    }
    if (obj.kind === 'dict') {
      const at = obj.entries.findIndex(([k]) => keyEquals(k, index));
      if (at >= 0) {
        obj.entries.splice(at, 1);
        return;
      }
    }
    if (holder?.type === 'identifier' && (obj.kind === 'list' || obj.kind === 'dict')) scope.set(holder.text, UNKNOWN);
  }

  private evalStatementExpr(node: SyntaxNode, scope: Scope): void {
    if (node.type === 'assignment') this.execAssignment(node, scope);
    else if (node.type === 'augmented_assignment') this.execAugmented(node, scope);
    else this.eval(node, scope);
  }

  private execAssignment(node: SyntaxNode, scope: Scope): void {
    const right = node.childForFieldName('right');
    const left = node.childForFieldName('left');
    if (!right || !left) return;
    // Chained `a = b = value` nests assignments on the right.
    if (right.type === 'assignment') {
      this.execAssignment(right, scope);
      let inner: SyntaxNode | null = right;
      while (inner?.type === 'assignment') inner = inner.childForFieldName('right');
      const value = inner ? this.lookupAssignedValue(right, scope) : UNKNOWN;
      this.assign(left, value, scope);
      return;
    }
    this.assign(left, this.eval(right, scope), scope);
  }

  private lookupAssignedValue(assignment: SyntaxNode, scope: Scope): Value {
    const left = assignment.childForFieldName('left');
    return left ? this.eval(left, scope) : UNKNOWN;
  }

  private execAugmented(node: SyntaxNode, scope: Scope): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text.replace('=', '') ?? '';
    if (!left || !right) return;
    const value = binary(this, op, this.eval(left, scope), this.eval(right, scope), node);
    this.assign(left, value, scope);
  }

  assign(target: SyntaxNode, value: Value, scope: Scope): void {
    switch (target.type) {
      case 'identifier':
        scope.set(target.text, value);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list': {
        const targets = target.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
        const star = targets.findIndex((t) => t.type === 'list_splat_pattern');
        const items = asItems(value);
        if (star < 0) {
          // A layer's list of outputs has a length Keras fixes (an RNN's `return_state`): unpacking it into
          // another number of names is Python's error. Other lists may come from paths not followed: not checked.
          if (items && items.length !== targets.length && items.length > 0 && items.every((v) => v.kind === 'tensor')) {
            this.raise(
              'ValueError',
              items.length > targets.length
                ? `too many values to unpack (expected ${targets.length})`
                : `not enough values to unpack (expected ${targets.length}, got ${items.length})`,
              target,
            );
          }
          targets.forEach((t, i) => this.assign(t, items?.[i] ?? UNKNOWN, scope));
          return;
        }
        // `a, *rest, z = items`: the starred name takes a list of what the others leave.
        const after = targets.length - star - 1;
        const fits = items && items.length >= targets.length - 1;
        targets.forEach((t, i) => {
          if (i === star) {
            const rest: Value = fits ? { kind: 'list', items: items.slice(star, items.length - after) } : UNKNOWN;
            this.assign(t.namedChildren[0] ?? t, rest, scope);
          } else this.assign(t, fits ? items[i < star ? i : items.length - (targets.length - i)] : UNKNOWN, scope);
        });
        return;
      }
      case 'parenthesized_expression': {
        const inner = target.namedChildren[0];
        if (inner) this.assign(inner, value, scope);
        return;
      }
      case 'attribute': {
        const obj = this.eval(target.childForFieldName('object'), scope);
        const attr = target.childForFieldName('attribute')?.text ?? '';
        this.api.setAttribute(obj, attr, value, target);
        return;
      }
      case 'subscript': {
        const obj = this.eval(target.childForFieldName('value'), scope);
        const index = this.eval(target.childForFieldName('subscript'), scope);
        const i = asInt(index);
        if (obj.kind === 'list' && i !== undefined && i >= -obj.items.length && i < obj.items.length) {
          obj.items[i < 0 ? obj.items.length + i : i] = value;
        } else if (obj.kind === 'dict') {
          const at = obj.entries.findIndex(([k]) => keyEquals(k, index));
          if (at >= 0) obj.entries[at] = [index, value];
          else obj.entries.push([index, value]);
        }
        return;
      }
      default:
        return;
    }
  }

  truthOf(v: Value): boolean | undefined {
    return isTruthy(v);
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
        return v === FSTRING ? evalFString(this, node, scope) : v;
      }
      case 'concatenated_string': {
        let s = '';
        for (const part of node.namedChildren) {
          const v = this.eval(part, scope);
          if (v.kind !== 'str') return UNKNOWN;
          s += v.value;
        }
        return { kind: 'str', value: s };
      }
      case 'true':
        return { kind: 'bool', value: true };
      case 'false':
        return { kind: 'bool', value: false };
      case 'none':
        return NONE_V;
      case 'ellipsis':
        return { kind: 'ref', qualname: 'builtins.Ellipsis' };
      case 'identifier':
        return scope.lookup(node.text) ?? this.api.builtin(node.text) ?? unknown(`name ${node.text}`);
      case 'parenthesized_expression':
        return this.eval(node.namedChildren.find((c) => c?.type !== 'comment') ?? null, scope);
      case 'tuple':
      case 'list':
      case 'expression_list': {
        const items = evalItems(this, node, scope);
        return items
          ? { kind: node.type === 'list' ? 'list' : 'tuple', items }
          : unknown('a starred item of unknown length');
      }
      case 'set': {
        // A set is kept as a list of its distinct items (their iteration order is Python's hash order, not modelled).
        const items = evalItems(this, node, scope);
        if (!items) return UNKNOWN;
        const keys = items.map((v) =>
          v.kind === 'int' || v.kind === 'str' || v.kind === 'bool' || v.kind === 'float'
            ? `${v.kind === 'str' ? 's' : 'n'}${String(v.value === true ? 1 : v.value === false ? 0 : v.value)}`
            : undefined,
        );
        if (keys.includes(undefined)) return UNKNOWN;
        return { kind: 'list', items: items.filter((_, i) => keys.indexOf(keys[i]) === i) };
      }
      case 'dictionary': {
        const entries: Array<[Value, Value]> = [];
        for (const c of node.namedChildren) {
          if (c?.type === 'pair')
            entries.push([
              this.eval(c.childForFieldName('key'), scope),
              this.eval(c.childForFieldName('value'), scope),
            ]);
        }
        return { kind: 'dict', entries };
      }
      case 'unary_operator': {
        const v = this.eval(node.childForFieldName('argument'), scope);
        const op = node.childForFieldName('operator')?.text;
        if (v.kind === 'int' || v.kind === 'float')
          return op === '-'
            ? { kind: v.kind, value: -v.value }
            : op === '+'
              ? v
              : op === '~' && v.kind === 'int'
                ? { kind: 'int', value: ~v.value }
                : UNKNOWN;
        if (v.kind === 'tensor' && op === '-') return this.api.tensorUnary('Negative', v, node);
        if (v.kind === 'tensor' && op === '~') return this.api.tensorUnary('LogicalNot', v, node);
        return UNKNOWN;
      }
      case 'not_operator': {
        const t = this.truthOf(this.eval(node.childForFieldName('argument'), scope));
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
        const t = this.truthOf(this.eval(cond, scope));
        if (t === undefined) return UNKNOWN;
        return this.eval(t ? a : b, scope);
      }
      case 'attribute': {
        const obj = this.eval(node.childForFieldName('object'), scope);
        return this.api.getAttribute(obj, node.childForFieldName('attribute')?.text ?? '', node);
      }
      case 'subscript':
        return evalSubscript(this, node, scope);
      case 'call':
        return this.evalCall(node, scope);
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
        return evalComprehension(this, node, scope);
      case 'lambda':
        return {
          kind: 'function',
          fn: { name: '<lambda>', node, closure: scope, defaults: parameterDefaults(this, node, scope) },
        };
      case 'named_expression': {
        const v = this.eval(node.childForFieldName('value'), scope);
        const name = node.childForFieldName('name');
        if (name) this.assign(name, v, scope);
        return v;
      }
      case 'keyword_argument':
        return this.eval(node.childForFieldName('value'), scope);
      case 'await':
        return this.eval(node.namedChildren[0] ?? null, scope);
      default:
        return unknown(node.type);
    }
  }

  // --------------------------------------------------------------------- calls

  private evalCall(node: SyntaxNode, scope: Scope): Value {
    const fnNode = node.childForFieldName('function');
    const callee = this.eval(fnNode, scope);
    if (node.memo !== undefined && callee.kind === 'ref') {
      // A layer constructor with literal arguments, constructed on an earlier run of this node.
      const layer = this.api.constructRemembered(callee.qualname, node);
      if (layer) return { kind: 'layer', layer };
    }
    const argList = node.childForFieldName('arguments');
    const args: Value[] = [];
    const kwargs: Array<[string, Value]> = [];
    let incomplete = false;
    if (argList?.type === 'generator_expression') {
      args.push(this.eval(argList, scope));
    } else {
      for (const c of argList?.namedChildren ?? []) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'keyword_argument')
          kwargs.push([c.childForFieldName('name')?.text ?? '', this.eval(c.childForFieldName('value'), scope)]);
        else if (c.type === 'list_splat') {
          const items = iterate(this.eval(c.namedChildren[0] ?? null, scope));
          if (items) args.push(...items);
          else incomplete = true;
        } else if (c.type === 'dictionary_splat') {
          const d = this.eval(c.namedChildren[0] ?? null, scope);
          if (d.kind === 'dict' && d.entries.every(([k]) => k.kind === 'str')) {
            for (const [k, v] of d.entries) kwargs.push([(k as { value: string }).value, v]);
          } else incomplete = true;
        } else args.push(this.eval(c, scope));
      }
    }
    return this.call(callee, args, kwargs, node, incomplete);
  }

  /** Calls any callable value with evaluated arguments. */
  call(callee: Value, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode, incomplete = false): Value {
    switch (callee.kind) {
      case 'function':
        return this.callFunction(callee.fn, args, kwargs, node, undefined);
      case 'bound':
        return this.callFunction(callee.fn, args, kwargs, node, callee.self);
      case 'class':
        return instantiate(this.api, callee.cls, args, kwargs, node);
      case 'ref':
        if (callee.qualname === 'builtins.super') return this.superObject(args);
        if (callee.qualname.startsWith('builtins.'))
          return callBuiltin(this, callee.qualname.slice(9), args, kwargs, node);
        return this.api.callRef(callee.qualname, args, kwargs, node, incomplete);
      case 'layer':
        return this.api.callLayerValue(callee.layer, args, kwargs, node);
      case 'model':
        return this.api.callModel(callee.model, args, kwargs, node);
      case 'instance':
        return callInstance(this.api, callee.inst, args, kwargs, node);
      case 'method':
        return this.api.callMethod(callee.self, callee.name, args, kwargs, node);
      default:
        return UNKNOWN;
    }
  }

  /** `super()` (the method being run gives the class and `self`) or `super(Cls, self)`. */
  private superObject(args: Value[]): Value {
    if (args.length === 2)
      return args[0].kind === 'class' ? { kind: 'super', cls: args[0].cls, self: args[1] } : UNKNOWN;
    const top = this.methodStack[this.methodStack.length - 1];
    return top && args.length === 0 ? { kind: 'super', cls: top.cls, self: top.self } : UNKNOWN;
  }

  callFunction(
    fn: FunctionObj,
    args: Value[],
    kwargs: Array<[string, Value]>,
    node: SyntaxNode,
    self: Value | undefined,
  ): Value {
    if (this.depth >= LIMITS.callDepth) return unknown('call depth limit');
    this.called.add(fn);
    const scope = new Scope(fn.closure, 'function');
    const params = fn.node.childForFieldName('parameters');
    const positional = self ? [self, ...args] : [...args];
    const given = new Map(kwargs);
    for (const p of params?.namedChildren ?? []) {
      if (!p) continue;
      if (p.type === 'identifier' || p.type === 'typed_parameter' || p.type === 'parameter') {
        const name = p.type === 'identifier' ? p.text : (p.namedChildren[0]?.text ?? '');
        scope.set(name, positional.length > 0 ? positional.shift()! : (given.get(name) ?? UNKNOWN));
        given.delete(name);
      } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
        const name = p.childForFieldName('name')?.text ?? '';
        scope.set(
          name,
          positional.length > 0 ? positional.shift()! : (given.get(name) ?? fn.defaults.get(name) ?? UNKNOWN),
        );
        given.delete(name);
      } else if (p.type === 'list_splat_pattern') {
        scope.set(p.namedChildren[0]?.text ?? '', { kind: 'tuple', items: positional.splice(0) });
      } else if (p.type === 'dictionary_splat_pattern') {
        scope.set(p.namedChildren[0]?.text ?? '', {
          kind: 'dict',
          entries: [...given.entries()].map(([k, v]) => [{ kind: 'str', value: k }, v] as [Value, Value]),
        });
        given.clear();
      }
    }
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
