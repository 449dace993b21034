/**
 * Evaluates the expressions that make up a layer's constructor call:
 * literals, tuples/lists/dicts, unary minus, arithmetic on known numbers,
 * names bound in a scope, and dotted references to Keras symbols. A call to
 * a `keras.layers` class becomes a `layer` value (a nested layer, as in
 * `Bidirectional(LSTM(8))`).
 *
 * Whatever cannot be worked out is `unknown`, never an exception.
 */

import type { SyntaxNode } from '../syntax/parser';
import type { LayerCall, PyValue } from '../shapes/values';
import { foldBinary, parseFloatLiteral, parseIntLiteral, parseStringLiteral } from './literals';

/** Name lookup for the evaluator; `undefined` means "not bound here". */
export interface ConstScope {
  lookup(name: string): PyValue | undefined;
}

const UNKNOWN = (why: string): PyValue => ({ kind: 'unknown', why });

/** The Keras module that holds layer classes, under every path users import it by. */
export function isLayersModule(qualname: string): boolean {
  return /^(tf\.)?keras(\.src)?\.layers(\.[a-z_]+)*$/.test(qualname) || qualname === 'tensorflow.keras.layers';
}

export function evaluateConst(node: SyntaxNode | null, scope: ConstScope): PyValue {
  if (!node) return UNKNOWN('missing expression');
  switch (node.type) {
    case 'integer':
      return parseIntLiteral(node.text);
    case 'float':
      return parseFloatLiteral(node.text);
    case 'string':
      return parseStringLiteral(node);
    case 'concatenated_string': {
      let s = '';
      for (const part of node.namedChildren) {
        const v = part ? evaluateConst(part, scope) : UNKNOWN('string');
        if (v.kind !== 'str') return UNKNOWN('string concatenation');
        s += v.value;
      }
      return { kind: 'str', value: s };
    }
    case 'true':
      return { kind: 'bool', value: true };
    case 'false':
      return { kind: 'bool', value: false };
    case 'none':
      return { kind: 'none' };
    case 'parenthesized_expression':
      return evaluateConst(node.namedChildren.find((c) => c && c.type !== 'comment') ?? null, scope);
    case 'tuple':
    case 'list': {
      const items: PyValue[] = [];
      for (const c of node.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'list_splat') return UNKNOWN('starred item');
        items.push(evaluateConst(c, scope));
      }
      return { kind: node.type, items };
    }
    case 'dictionary': {
      const entries: Array<[PyValue, PyValue]> = [];
      for (const c of node.namedChildren) {
        if (!c || c.type !== 'pair') continue;
        entries.push([evaluateConst(c.childForFieldName('key'), scope), evaluateConst(c.childForFieldName('value'), scope)]);
      }
      return { kind: 'dict', entries };
    }
    case 'unary_operator': {
      const v = evaluateConst(node.childForFieldName('argument'), scope);
      const op = node.childForFieldName('operator')?.text;
      if (op === '+' && (v.kind === 'int' || v.kind === 'float')) return v;
      if (op === '-' && (v.kind === 'int' || v.kind === 'float')) return { kind: v.kind, value: -v.value };
      if (op === '-' && v.kind === 'bool') return { kind: 'int', value: -Number(v.value) };
      return UNKNOWN('unary operator');
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text ?? '';
      return foldBinary(op, evaluateConst(node.childForFieldName('left'), scope), evaluateConst(node.childForFieldName('right'), scope));
    }
    case 'identifier':
      return scope.lookup(node.text) ?? UNKNOWN(`name \`${node.text}\` is not known`);
    case 'attribute': {
      const base = evaluateConst(node.childForFieldName('object'), scope);
      const attr = node.childForFieldName('attribute')?.text;
      if (base.kind === 'object' && !base.called && attr) return { kind: 'object', qualname: `${base.qualname}.${attr}`, called: false };
      return UNKNOWN('attribute');
    }
    case 'call':
      return evaluateCall(node, scope);
    default:
      return UNKNOWN(`expression \`${node.type}\``);
  }
}

/** Positional and keyword arguments of a call node, evaluated. `null` when they use `*args`/`**kwargs`. */
export function evaluateArguments(node: SyntaxNode, scope: ConstScope): { args: PyValue[]; kwargs: Array<[string, PyValue]> } | null {
  const argList = node.childForFieldName('arguments');
  const args: PyValue[] = [];
  const kwargs: Array<[string, PyValue]> = [];
  if (!argList) return { args, kwargs };
  if (argList.type === 'generator_expression') return null;
  for (const c of argList.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'list_splat' || c.type === 'dictionary_splat') return null;
    if (c.type === 'keyword_argument') {
      const name = c.childForFieldName('name')?.text ?? '';
      kwargs.push([name, evaluateConst(c.childForFieldName('value'), scope)]);
    } else {
      args.push(evaluateConst(c, scope));
    }
  }
  return { args, kwargs };
}

function evaluateCall(node: SyntaxNode, scope: ConstScope): PyValue {
  const callee = evaluateConst(node.childForFieldName('function'), scope);
  if (callee.kind !== 'object' || callee.called) return UNKNOWN('call of an unknown callable');
  const layer = layerCallOf(callee.qualname, node, scope);
  if (layer) return { kind: 'layer', call: layer };
  return { kind: 'object', qualname: callee.qualname, called: true };
}

/** The layer call when `qualname` is a `keras.layers` class; `undefined` otherwise. */
export function layerCallOf(qualname: string, node: SyntaxNode, scope: ConstScope): LayerCall | undefined {
  const dot = qualname.lastIndexOf('.');
  const className = qualname.slice(dot + 1);
  if (!isLayersModule(qualname.slice(0, dot)) || !/^[A-Z]/.test(className)) return undefined;
  const bound = evaluateArguments(node, scope);
  if (!bound) return { className, args: [], kwargs: [], incomplete: true };
  return { className, ...bound };
}
