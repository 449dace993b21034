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
import { foldBinary, parseFloatLiteral, parseIntLiteral, parseStringLiteral } from './literals';
import { BudgetExceeded, LIMITS } from './limits';
import { canonicalName, layerClassOf } from './names';
import { Scope } from './scope';
import { asInt, asItems, spanOf, unknown, UNKNOWN, NONE_V, type ClassObj, type FunctionObj, type LayerObj, type ModelObj, type Span, type Value } from './values';
import { KerasApi } from './kerasApi';
import { callBuiltin, isTruthy, iterate } from './builtins';
import { callInstance, instantiate } from './subclass';
import { evalFString, FSTRING, percentFormat } from './strings';

/** A Keras exception the file would raise: where, and what. */
export interface RaisedError {
  span: Span;
  pyType: string;
  message: string;
}

/** A likely mistake Keras accepts, found while interpreting. */
export interface InterpretWarning {
  span: Span;
  code: string;
  message: string;
}

export interface Interpretation {
  models: ModelObj[];
  layers: LayerObj[];
  error: RaisedError | null;
  warnings: InterpretWarning[];
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

class ReturnSignal {
  constructor(readonly value: Value) {}
}
class BreakSignal {}
class ContinueSignal {}

export class Interpreter {
  readonly api: KerasApi;
  readonly moduleScope = new Scope(undefined, 'module');
  private steps = 0;
  private depth = 0;
  /** The methods being run, innermost last: what a bare `super()` refers to. */
  private readonly methodStack: Array<{ cls: ClassObj; self: Value }> = [];
  /** >0 while on a path that may not be taken. */
  uncertain = 0;
  readonly incomplete: string[] = [];

  readonly options: EngineOptions;

  constructor(options: EngineOptions = DEFAULT_OPTIONS) {
    // A copy: `keras.config.set_image_data_format` in the file changes it for this run only.
    this.options = { ...options };
    this.api = new KerasApi(this);
    this.moduleScope.set('__name__', { kind: 'str', value: '__main__' });
  }

  run(module: SyntaxNode): Interpretation {
    let error: RaisedError | null = null;
    try {
      this.execBlock(module, this.moduleScope);
    } catch (e) {
      if (e instanceof PyRaise) error = { span: e.span, pyType: e.pyType, message: e.message };
      else if (e instanceof BudgetExceeded) this.incomplete.push(e.message);
      else if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
        // `return`/`break` at module level: Python rejects the file; nothing more to run.
      } else throw e;
    }
    return { models: this.api.models, layers: this.api.layers, error, warnings: this.api.warnings, incomplete: this.incomplete };
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
        this.execImport(node, scope);
        return;
      case 'function_definition':
        this.defineFunction(node, scope);
        return;
      case 'decorated_definition': {
        const def = node.childForFieldName('definition');
        if (def) this.exec(def, scope);
        return;
      }
      case 'class_definition':
        this.defineClass(node, scope);
        return;
      case 'if_statement':
        this.execIf(node, scope);
        return;
      case 'for_statement':
        this.execFor(node, scope);
        return;
      case 'while_statement':
        this.execWhile(node, scope);
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
        this.execTry(node, scope);
        return;
      case 'with_statement':
        this.execWith(node, scope);
        return;
      case 'block':
        this.execBlock(node, scope);
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
    const value = this.binary(op, this.eval(left, scope), this.eval(right, scope), node);
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
        const items = this.unpack(value, targets.length);
        targets.forEach((t, i) => this.assign(t.type === 'list_splat_pattern' ? (t.namedChildren[0] ?? t) : t, items[i] ?? UNKNOWN, scope));
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
        if ((obj.kind === 'list') && i !== undefined && i >= -obj.items.length && i < obj.items.length) {
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

  private unpack(value: Value, n: number): Value[] {
    const items = asItems(value);
    if (items) return items;
    if (value.kind === 'tensor' && value.tensor.shape) return new Array(n).fill(UNKNOWN);
    return new Array(n).fill(UNKNOWN);
  }

  private execImport(node: SyntaxNode, scope: Scope): void {
    if (node.type === 'import_statement') {
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'dotted_name') {
          // `import a.b` binds `a`.
          const top = c.text.split('.')[0];
          scope.set(top, { kind: 'ref', qualname: canonicalName(top) });
        } else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text ?? '';
          const alias = c.childForFieldName('alias')?.text ?? '';
          scope.set(alias, { kind: 'ref', qualname: canonicalName(name) });
        }
      }
      return;
    }
    if (node.type === 'future_import_statement') return;
    const moduleNode = node.childForFieldName('module_name');
    const module = moduleNode?.text ?? '';
    for (const c of node.namedChildren) {
      if (!c || c === moduleNode) continue;
      if (c.type === 'dotted_name') {
        scope.set(c.text, { kind: 'ref', qualname: canonicalName(`${module}.${c.text}`) });
      } else if (c.type === 'aliased_import') {
        const name = c.childForFieldName('name')?.text ?? '';
        const alias = c.childForFieldName('alias')?.text ?? '';
        scope.set(alias, { kind: 'ref', qualname: canonicalName(`${module}.${name}`) });
      } else if (c.type === 'wildcard_import') {
        this.api.importStar(canonicalName(module), scope);
      }
    }
  }

  private defineFunction(node: SyntaxNode, scope: Scope): void {
    const name = node.childForFieldName('name')?.text ?? '<lambda>';
    const defaults = new Map<string, Value>();
    const params = node.childForFieldName('parameters');
    for (const p of params?.namedChildren ?? []) {
      if (p && (p.type === 'default_parameter' || p.type === 'typed_default_parameter')) {
        const pname = p.childForFieldName('name')?.text ?? '';
        defaults.set(pname, this.eval(p.childForFieldName('value'), scope));
      }
    }
    const fn: FunctionObj = { name, node, closure: scope, defaults };
    scope.set(name, { kind: 'function', fn });
  }

  private defineClass(node: SyntaxNode, scope: Scope): void {
    const name = node.childForFieldName('name')?.text ?? '';
    const bases: Value[] = [];
    for (const b of node.childForFieldName('superclasses')?.namedChildren ?? []) {
      if (b && b.type !== 'keyword_argument') bases.push(this.eval(b, scope));
    }
    const cls: ClassObj = { name, node, bases, methods: new Map(), attrs: new Map() };
    for (const b of bases) {
      if (b.kind === 'ref') {
        const q = canonicalName(b.qualname);
        if (q === 'keras.Model' || q === 'keras.Sequential') cls.kerasBase = 'Model';
        else if (q === 'keras.layers.Layer') cls.kerasBase = 'Layer';
        else if (layerClassOf(q)) {
          cls.kerasBase = 'Layer';
          cls.layerBase = layerClassOf(q);
        }
      } else if (b.kind === 'class' && b.cls.kerasBase) {
        cls.kerasBase = b.cls.kerasBase;
        cls.layerBase ??= b.cls.layerBase;
      }
    }
    const body = new Scope(scope, 'class');
    const block = node.childForFieldName('body');
    if (block) {
      for (const stmt of block.namedChildren) {
        if (!stmt) continue;
        const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
        if (def?.type === 'function_definition') {
          this.defineFunction(def, body);
          const f = body.lookup(def.childForFieldName('name')?.text ?? '');
          if (f?.kind === 'function') {
            f.fn.owner = cls;
            cls.methods.set(f.fn.name, f.fn);
          }
        } else {
          this.exec(stmt, body);
        }
      }
    }
    for (const [k, v] of body.entries()) if (v.kind !== 'function') cls.attrs.set(k, v);
    scope.set(name, { kind: 'class', cls });
  }

  private execIf(node: SyntaxNode, scope: Scope): void {
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
        const truth = b.cond ? this.truthOf(this.eval(b.cond, scope)) : true;
        if (truth === false) continue;
        if (truth === undefined) {
          // Not known which branch runs: take this one, but nothing on it may raise for sure.
          this.uncertain++;
          uncertainEntered++;
        }
        if (b.body) this.execBlock(b.body, scope);
        return;
      }
    } finally {
      this.uncertain -= uncertainEntered;
    }
  }

  truthOf(v: Value): boolean | undefined {
    return isTruthy(v);
  }

  private execFor(node: SyntaxNode, scope: Scope): void {
    const left = node.childForFieldName('left');
    const body = node.childForFieldName('body');
    const iterable = this.eval(node.childForFieldName('right'), scope);
    const items = iterate(iterable);
    if (!left || !body) return;
    if (items === undefined) {
      // Unknown iterable: run the body once on unknown values, as a path that may not be taken.
      this.uncertain++;
      try {
        this.assign(left, UNKNOWN, scope);
        this.loopBody(body, scope);
      } catch (e) {
        if (!(e instanceof BreakSignal)) throw e;
      } finally {
        this.uncertain--;
      }
      return;
    }
    let n = 0;
    for (const item of items) {
      if (++n > LIMITS.loopIterations) {
        this.abandonLoop(node, body, scope);
        return;
      }
      this.assign(left, item, scope);
      try {
        this.loopBody(body, scope);
      } catch (e) {
        if (e instanceof BreakSignal) return;
        throw e;
      }
    }
    const alt = node.childForFieldName('alternative');
    if (alt) this.execBlock(alt.childForFieldName('body') ?? alt, scope);
  }

  private loopBody(body: SyntaxNode, scope: Scope): void {
    try {
      this.execBlock(body, scope);
    } catch (e) {
      if (!(e instanceof ContinueSignal)) throw e;
    }
  }

  private execWhile(node: SyntaxNode, scope: Scope): void {
    const body = node.childForFieldName('body');
    const cond = node.childForFieldName('condition');
    if (!body) return;
    for (let n = 0; n < LIMITS.loopIterations; n++) {
      const truth = this.truthOf(this.eval(cond, scope));
      if (truth === false) return;
      if (truth === undefined) {
        // Unknown condition (a training loop, an event loop): its body is not model building we can order.
        return;
      }
      try {
        this.loopBody(body, scope);
      } catch (e) {
        if (e instanceof BreakSignal) return;
        throw e;
      }
    }
    this.abandonLoop(node, body, scope);
  }

  /**
   * A loop longer than the unrolling limit (data generation, usually): the
   * rest of it is not run, and what its body assigns or mutates becomes
   * unknown, so the file goes on without values the loop had not finished.
   */
  private abandonLoop(node: SyntaxNode, body: SyntaxNode, scope: Scope): void {
    this.incomplete.push(`loop at line ${node.startPosition.row + 1} has more than ${LIMITS.loopIterations} iterations: its results are unknown`);
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

  private execTry(node: SyntaxNode, scope: Scope): void {
    const body = node.childForFieldName('body');
    const handlers = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type === 'except_clause');
    const finallyClause = node.namedChildren.find((c) => c?.type === 'finally_clause');
    try {
      if (handlers.length > 0) {
        // Errors inside a try with handlers are caught by the file itself: never report them.
        this.uncertain++;
        try {
          if (body) this.execBlock(body, scope);
        } finally {
          this.uncertain--;
        }
      } else if (body) {
        this.execBlock(body, scope);
      }
      const elseClause = node.namedChildren.find((c) => c?.type === 'else_clause');
      const elseBody = elseClause?.childForFieldName('body');
      if (elseBody) this.execBlock(elseBody, scope);
    } finally {
      const fin = finallyClause?.namedChildren.find((c) => c?.type === 'block');
      if (fin) this.execBlock(fin, scope);
    }
  }

  private execWith(node: SyntaxNode, scope: Scope): void {
    for (const clause of node.namedChildren) {
      if (clause?.type !== 'with_clause') continue;
      for (const item of clause.namedChildren) {
        const value = item?.childForFieldName('value');
        if (!value) continue;
        if (value.type === 'as_pattern') {
          const v = this.eval(value.namedChildren[0] ?? null, scope);
          const target = value.childForFieldName('alias') ?? value.namedChildren[1];
          if (target) this.assign(target.type === 'as_pattern_target' ? (target.namedChildren[0] ?? target) : target, v, scope);
        } else {
          this.eval(value, scope);
        }
      }
    }
    const body = node.childForFieldName('body');
    if (body) this.execBlock(body, scope);
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
      case 'expression_list':
        return { kind: node.type === 'list' ? 'list' : 'tuple', items: this.evalItems(node, scope) };
      case 'set':
        return { kind: 'list', items: this.evalItems(node, scope) };
      case 'dictionary': {
        const entries: Array<[Value, Value]> = [];
        for (const c of node.namedChildren) {
          if (c?.type === 'pair') entries.push([this.eval(c.childForFieldName('key'), scope), this.eval(c.childForFieldName('value'), scope)]);
        }
        return { kind: 'dict', entries };
      }
      case 'unary_operator': {
        const v = this.eval(node.childForFieldName('argument'), scope);
        const op = node.childForFieldName('operator')?.text;
        if (v.kind === 'int' || v.kind === 'float') return op === '-' ? { kind: v.kind, value: -v.value } : op === '+' ? v : op === '~' && v.kind === 'int' ? { kind: 'int', value: ~v.value } : UNKNOWN;
        if (v.kind === 'tensor' && op === '-') return this.api.tensorUnary('Negative', v, node);
        return UNKNOWN;
      }
      case 'not_operator': {
        const t = this.truthOf(this.eval(node.childForFieldName('argument'), scope));
        return t === undefined ? UNKNOWN : { kind: 'bool', value: !t };
      }
      case 'boolean_operator':
        return this.evalBoolean(node, scope);
      case 'binary_operator': {
        const op = node.childForFieldName('operator')?.text ?? '';
        return this.binary(op, this.eval(node.childForFieldName('left'), scope), this.eval(node.childForFieldName('right'), scope), node);
      }
      case 'comparison_operator':
        return this.evalComparison(node, scope);
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
        return this.evalSubscript(node, scope);
      case 'call':
        return this.evalCall(node, scope);
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
        return this.evalComprehension(node, scope);
      case 'lambda':
        return { kind: 'function', fn: { name: '<lambda>', node, closure: scope, defaults: new Map() } };
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

  private evalItems(node: SyntaxNode, scope: Scope): Value[] {
    const items: Value[] = [];
    for (const c of node.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type === 'list_splat') {
        const inner = iterate(this.eval(c.namedChildren[0] ?? null, scope));
        if (inner) items.push(...inner);
        else items.push(UNKNOWN);
      } else items.push(this.eval(c, scope));
    }
    return items;
  }

  private evalBoolean(node: SyntaxNode, scope: Scope): Value {
    const op = node.childForFieldName('operator')?.text;
    const left = this.eval(node.childForFieldName('left'), scope);
    const t = this.truthOf(left);
    if (t === undefined) return UNKNOWN;
    if (op === 'and') return t ? this.eval(node.childForFieldName('right'), scope) : left;
    return t ? left : this.eval(node.childForFieldName('right'), scope);
  }

  private evalComparison(node: SyntaxNode, scope: Scope): Value {
    const operands = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
    const ops = node.children.filter((c) => c && !c.isNamed).map((c) => c!.text);
    // `not in` / `is not` are two anonymous tokens.
    const merged: string[] = [];
    for (let i = 0; i < ops.length; i++) {
      if ((ops[i] === 'not' && ops[i + 1] === 'in') || (ops[i] === 'is' && ops[i + 1] === 'not')) {
        merged.push(`${ops[i]} ${ops[i + 1]}`);
        i++;
      } else merged.push(ops[i]);
    }
    let left = this.eval(operands[0], scope);
    for (let i = 0; i < merged.length; i++) {
      const right = this.eval(operands[i + 1], scope);
      const r = compare(merged[i], left, right);
      if (r === undefined) return UNKNOWN;
      if (!r) return { kind: 'bool', value: false };
      left = right;
    }
    return { kind: 'bool', value: true };
  }

  binary(op: string, a: Value, b: Value, node: SyntaxNode): Value {
    if (a.kind === 'tensor' || b.kind === 'tensor') {
      return this.api.tensorBinary(op, a, b, node);
    }
    if (a.kind === 'array' || b.kind === 'array') return this.api.arrayBinary(a, b);
    if ((a.kind === 'list' || a.kind === 'tuple') && (b.kind === 'list' || b.kind === 'tuple') && op === '+') {
      return { kind: a.kind, items: [...a.items, ...b.items] };
    }
    if ((a.kind === 'list' || a.kind === 'tuple') && op === '*' && b.kind === 'int') {
      const n = Math.max(0, Math.min(b.value, LIMITS.sequenceItems));
      return { kind: a.kind, items: Array.from({ length: n }, () => a.items).flat() };
    }
    if (op === '%' && a.kind === 'str') return percentFormat(a.value, b);
    const isPy = (v: Value) => ['int', 'float', 'str', 'bool', 'none', 'tuple', 'list'].includes(v.kind);
    if (!isPy(a) || !isPy(b)) return UNKNOWN;
    return foldBinary(op, a as never, b as never) as Value;
  }

  private evalSubscript(node: SyntaxNode, scope: Scope): Value {
    const obj = this.eval(node.childForFieldName('value'), scope);
    const subs = node.childrenForFieldName('subscript').filter((c): c is SyntaxNode => !!c);
    if (obj.kind === 'tensor') return this.api.tensorGetItem(obj, subs, scope, node);
    if (subs.length !== 1) return UNKNOWN;
    const sub = subs[0];
    if (sub.type === 'slice') {
      const items = asItems(obj);
      if (!items) return UNKNOWN;
      const parts = this.sliceParts(sub, scope);
      if (!parts) return UNKNOWN;
      return { kind: obj.kind as 'list' | 'tuple', items: pySlice(items, parts) };
    }
    const index = this.eval(sub, scope);
    const items = asItems(obj);
    const i = asInt(index);
    if (items && i !== undefined) {
      const at = i < 0 ? items.length + i : i;
      return at >= 0 && at < items.length ? items[at] : unknown('index out of range');
    }
    if (obj.kind === 'str' && i !== undefined) return { kind: 'str', value: obj.value.at(i) ?? '' };
    if (obj.kind === 'dict') return obj.entries.find(([k]) => keyEquals(k, index))?.[1] ?? UNKNOWN;
    if (obj.kind === 'model' && i !== undefined) return this.api.getAttribute(obj, 'layers', node).kind === 'list' ? (asItems(this.api.getAttribute(obj, 'layers', node))?.at(i) ?? UNKNOWN) : UNKNOWN;
    return UNKNOWN;
  }

  sliceParts(sub: SyntaxNode, scope: Scope): Array<number | null> | undefined {
    // A slice node holds up to three expressions separated by ':' tokens.
    const parts: Array<number | null> = [null, null, null];
    let slot = 0;
    for (const c of sub.children) {
      if (!c) continue;
      if (c.type === ':') {
        slot++;
        continue;
      }
      const v = this.eval(c, scope);
      if (v.kind === 'none') continue;
      const n = asInt(v);
      if (n === undefined) return undefined;
      parts[slot] = n;
    }
    return parts;
  }

  private evalComprehension(node: SyntaxNode, scope: Scope): Value {
    const body = node.childForFieldName('body');
    const clauses = node.namedChildren.filter((c): c is SyntaxNode => !!c && (c.type === 'for_in_clause' || c.type === 'if_clause'));
    const out: Value[] = [];
    const inner = new Scope(scope, 'function');
    const walk = (i: number): boolean => {
      if (out.length > LIMITS.sequenceItems) throw new BudgetExceeded('comprehension too long');
      if (i === clauses.length) {
        out.push(this.eval(body, inner));
        return true;
      }
      const c = clauses[i];
      if (c.type === 'if_clause') {
        const t = this.truthOf(this.eval(c.namedChildren[0] ?? null, inner));
        if (t === undefined) return false;
        return t ? walk(i + 1) : true;
      }
      const items = iterate(this.eval(c.childForFieldName('right'), inner));
      const left = c.childForFieldName('left');
      if (!items || !left) return false;
      for (const item of items) {
        this.assign(left, item, inner);
        if (!walk(i + 1)) return false;
      }
      return true;
    };
    return walk(0) ? { kind: 'list', items: out } : UNKNOWN;
  }

  // --------------------------------------------------------------------- calls

  private evalCall(node: SyntaxNode, scope: Scope): Value {
    const fnNode = node.childForFieldName('function');
    const callee = this.eval(fnNode, scope);
    const argList = node.childForFieldName('arguments');
    const args: Value[] = [];
    const kwargs: Array<[string, Value]> = [];
    let incomplete = false;
    if (argList?.type === 'generator_expression') {
      args.push(this.eval(argList, scope));
    } else {
      for (const c of argList?.namedChildren ?? []) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'keyword_argument') kwargs.push([c.childForFieldName('name')?.text ?? '', this.eval(c.childForFieldName('value'), scope)]);
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
        if (callee.qualname.startsWith('builtins.')) return callBuiltin(this, callee.qualname.slice(9), args, kwargs, node);
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
    if (args.length === 2) return args[0].kind === 'class' ? { kind: 'super', cls: args[0].cls, self: args[1] } : UNKNOWN;
    const top = this.methodStack[this.methodStack.length - 1];
    return top && args.length === 0 ? { kind: 'super', cls: top.cls, self: top.self } : UNKNOWN;
  }

  callFunction(fn: FunctionObj, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode, self: Value | undefined): Value {
    if (this.depth >= LIMITS.callDepth) return unknown('call depth limit');
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
        scope.set(name, positional.length > 0 ? positional.shift()! : (given.get(name) ?? fn.defaults.get(name) ?? UNKNOWN));
        given.delete(name);
      } else if (p.type === 'list_splat_pattern') {
        scope.set(p.namedChildren[0]?.text ?? '', { kind: 'tuple', items: positional.splice(0) });
      } else if (p.type === 'dictionary_splat_pattern') {
        scope.set(p.namedChildren[0]?.text ?? '', { kind: 'dict', entries: [...given.entries()].map(([k, v]) => [{ kind: 'str', value: k }, v] as [Value, Value]) });
        given.clear();
      }
    }
    const body = fn.node.childForFieldName('body');
    if (!body) return NONE_V;
    this.depth++;
    const method = fn.owner && self !== undefined;
    if (method) this.methodStack.push({ cls: fn.owner!, self: self! });
    try {
      // A lambda's body is one expression.
      if (fn.node.type === 'lambda') return this.eval(body, scope);
      this.execBlock(body, scope);
      return NONE_V;
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.depth--;
      if (method) this.methodStack.pop();
    }
  }
}

function keyEquals(a: Value, b: Value): boolean {
  if ((a.kind === 'str' && b.kind === 'str') || (a.kind === 'int' && b.kind === 'int')) return a.value === b.value;
  return false;
}

/** Python comparison of known values; undefined when it cannot be decided. */
function compare(op: string, a: Value, b: Value): boolean | undefined {
  const prim = (v: Value): string | number | boolean | null | undefined =>
    v.kind === 'int' || v.kind === 'float' || v.kind === 'str' || v.kind === 'bool' ? v.value : v.kind === 'none' ? null : undefined;
  if (op === 'in' || op === 'not in') {
    const items = asItems(b);
    const x = prim(a);
    if (b.kind === 'str' && a.kind === 'str') return (op === 'in') === b.value.includes(a.value);
    if (b.kind === 'dict' && x !== undefined) return (op === 'in') === b.entries.some(([k]) => prim(k) === x);
    if (!items || x === undefined) return undefined;
    const ys = items.map(prim);
    if (ys.includes(undefined)) return undefined;
    return (op === 'in') === ys.includes(x);
  }
  const x = prim(a);
  const y = prim(b);
  if (x === undefined || y === undefined) {
    if ((op === 'is' || op === 'is not') && (a.kind === 'none' || b.kind === 'none') && a.kind !== 'unknown' && b.kind !== 'unknown') {
      return (op === 'is') === (a.kind === b.kind);
    }
    if ((a.kind === 'tuple' || a.kind === 'list') && (b.kind === 'tuple' || b.kind === 'list') && (op === '==' || op === '!=')) {
      const eq = a.items.length === b.items.length ? a.items.every((v, i) => compare('==', v, b.items[i])) : false;
      return op === '==' ? eq : !eq;
    }
    return undefined;
  }
  switch (op) {
    case '==':
    case 'is':
      return x === y;
    case '!=':
    case 'is not':
      return x !== y;
    case '<':
      return (x as number) < (y as number);
    case '<=':
      return (x as number) <= (y as number);
    case '>':
      return (x as number) > (y as number);
    case '>=':
      return (x as number) >= (y as number);
    default:
      return undefined;
  }
}

/** Python slicing of a sequence. */
export function pySlice<T>(items: T[], [start, stop, step]: Array<number | null>): T[] {
  const n = items.length;
  const s = step ?? 1;
  if (s === 0) return [];
  const norm = (i: number | null, dflt: number) => (i === null ? dflt : i < 0 ? Math.max(i + n, s > 0 ? 0 : -1) : Math.min(i, s > 0 ? n : n - 1));
  const out: T[] = [];
  if (s > 0) for (let i = norm(start, 0); i < norm(stop, n); i += s) out.push(items[i]);
  else for (let i = norm(start, n - 1); i > norm(stop, -1); i += s) out.push(items[i]);
  return out;
}
