/**
 * Errors Python itself raises inside Keras's code: an index past the end, a
 * division by zero, an operator between the wrong types, a call that does
 * not fit a function's signature. The texts are CPython 3.11's.
 */

import { message } from './define';
import { strRepr } from '../python/text';

/** A sequence Python indexes: its type only changes the IndexError's wording. */
export type SeqKind = 'tuple' | 'list' | 'string';

export const builtinMessages = {
  indexOutOfRange: message('IndexError', (d: { seq: SeqKind }) => `${d.seq} index out of range`),
  listAssignmentIndexOutOfRange: message('IndexError', (_: object) => 'list assignment index out of range'),
  popIndexOutOfRange: message('IndexError', (_: object) => 'pop index out of range'),
  popFromEmptyList: message('IndexError', (_: object) => 'pop from empty list'),
  /** `d[key]` of a key the dict lacks: the KeyError's text is the key's `repr`. */
  dictKeyMissing: message('KeyError', (d: { key: string | number }) =>
    typeof d.key === 'string' ? strRepr(d.key) : String(d.key),
  ),
  /** NumPy's IndexError for an axis index past an array's rank. */
  numpyIndexOutOfBounds: message(
    'IndexError',
    (d: { index: number; axis: number; size: number }) =>
      `index ${d.index} is out of bounds for axis ${d.axis} with size ${d.size}`,
  ),
  divisionByZero: message('ZeroDivisionError', (_: object) => 'division by zero'),
  integerModuloByZero: message('ZeroDivisionError', (_: object) => 'integer modulo by zero'),
  /** `a OP b` between types that do not support it (`None * 3`). */
  unsupportedOperand: message(
    'TypeError',
    (d: { op: string; left: string; right: string }) =>
      `unsupported operand type(s) for ${d.op}: '${d.left}' and '${d.right}'`,
  ),
  /** `a < b` between types that cannot be ordered (`'3' <= 0`). */
  notOrderable: message(
    'TypeError',
    (d: { op: string; left: string; right: string }) =>
      `'${d.op}' not supported between instances of '${d.left}' and '${d.right}'`,
  ),
  /** An attribute the value's type does not have (`(1, 2).lower()`). */
  noAttribute: message(
    'AttributeError',
    (d: { type: string; attribute: string }) => `'${d.type}' object has no attribute '${d.attribute}'`,
  ),
  /** `f(*args)` with more positional arguments than `f` takes. */
  tooManyPositional: message(
    'TypeError',
    (d: { fn: string; takes: number; given: number }) =>
      `${d.fn}() takes ${d.takes} positional argument${d.takes === 1 ? '' : 's'} but ${d.given} ${d.given === 1 ? 'was' : 'were'} given`,
  ),
  /** `f(*args)` with more positional arguments than `f` takes, some of which have defaults. */
  tooManyPositionalRange: message(
    'TypeError',
    (d: { fn: string; min: number; max: number; given: number }) =>
      `${d.fn}() takes from ${d.min} to ${d.max} positional arguments but ${d.given} ${d.given === 1 ? 'was' : 'were'} given`,
  ),
  multipleValues: message(
    'TypeError',
    (d: { fn: string; name: string }) => `${d.fn}() got multiple values for argument '${d.name}'`,
  ),
  /** A keyword a function passes on by keyword, given again by its caller. */
  multipleValuesKeyword: message(
    'TypeError',
    (d: { fn: string; name: string }) => `${d.fn}() got multiple values for keyword argument '${d.name}'`,
  ),
  missingPositional: message('TypeError', (d: { fn: string; names: string[] }) => {
    const quoted = d.names.map((n) => `'${n}'`);
    const list = quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
    return `${d.fn}() missing ${d.names.length} required positional argument${d.names.length > 1 ? 's' : ''}: ${list}`;
  }),
  /** `a, b = value` with more items than names. */
  tooManyValuesToUnpack: message(
    'ValueError',
    (d: { expected: number }) => `too many values to unpack (expected ${d.expected})`,
  ),
  /** `a, b = 1.5`: a value with no items. */
  cannotUnpackNonIterable: message('TypeError', (d: { type: string }) => `cannot unpack non-iterable ${d.type} object`),
  notEnoughValuesToUnpack: message(
    'ValueError',
    (d: { expected: number; got: number }) => `not enough values to unpack (expected ${d.expected}, got ${d.got})`,
  ),
  /** An import of a module Keras 3 does not have. */
  moduleNotFound: message('ModuleNotFoundError', (d: { module: string }) => `No module named '${d.module}'`),
  cannotImportName: message(
    'ImportError',
    (d: { name: string; module: string }) => `cannot import name '${d.name}' from '${d.module}'`,
  ),
  moduleHasNoAttribute: message(
    'AttributeError',
    (d: { module: string; attribute: string }) => `module '${d.module}' has no attribute '${d.attribute}'`,
  ),
  /** A dict lookup of a missing key: Python prints the key's repr. */
  keyError: message('KeyError', (d: { key: string }) => `'${d.key}'`),
  /** A callable given keywords it does not take. */
  unexpectedKeyword: message(
    'TypeError',
    (d: { fn: string; name: string }) => `${d.fn}() got an unexpected keyword argument '${d.name}'`,
  ),
  /** `inspect.Signature.bind` without a required argument. */
  missingArgumentBind: message('TypeError', (d: { name: string }) => `missing a required argument: '${d.name}'`),
  /** `inspect.Signature.bind` with more positional arguments than parameters. */
  tooManyPositionalBind: message('TypeError', (_: object) => 'too many positional arguments'),
  /** `inspect.Signature.bind` with a keyword that is no parameter. */
  unexpectedKeywordBind: message(
    'TypeError',
    (d: { name: string }) => `got an unexpected keyword argument '${d.name}'`,
  ),
  /** `inspect.Signature.bind` with a parameter given twice. */
  multipleValuesBind: message('TypeError', (d: { name: string }) => `multiple values for argument '${d.name}'`),
  floatModuloByZero: message('ZeroDivisionError', (_: object) => 'float modulo'),
  floatDivisionByZero: message('ZeroDivisionError', (_: object) => 'float division by zero'),
  mathDomainError: message('ValueError', (_: object) => 'math domain error'),
  /** NumPy indexing with a float. */
  numpyIndexNotInteger: message(
    'IndexError',
    (_: object) => 'arrays used as indices must be of integer (or boolean) type',
  ),
  notIterable: message('TypeError', (d: { type: string }) => `'${d.type}' object is not iterable`),
  tupleIndexNotInteger: message(
    'TypeError',
    (d: { type: string }) => `tuple indices must be integers or slices, not ${d.type}`,
  ),
  listIndexNotInteger: message(
    'TypeError',
    (d: { type: string }) => `list indices must be integers or slices, not ${d.type}`,
  ),
  floatToIntInfinity: message('OverflowError', (_: object) => 'cannot convert float infinity to integer'),
  intLiteralInvalid: message(
    'ValueError',
    (d: { value: string }) => `invalid literal for int() with base 10: ${strRepr(d.value)}`,
  ),
  intArgumentType: message(
    'TypeError',
    (d: { type: string }) => `int() argument must be a string, a bytes-like object or a real number, not '${d.type}'`,
  ),
  floatLiteralInvalid: message(
    'ValueError',
    (d: { value: string }) => `could not convert string to float: ${strRepr(d.value)}`,
  ),
  floatArgumentType: message(
    'TypeError',
    (d: { type: string }) => `float() argument must be a string or a real number, not '${d.type}'`,
  ),
};
