/**
 * What the Python evaluator asks of the libraries a file uses. The evaluator
 * knows Python: its own values, statements, builtins, and the functions and
 * classes the file defines. What a library defines (the names its modules
 * export, what calling one of its functions or classes does, the attributes,
 * operators and indexing of its objects: layers, models, tensors, arrays) it
 * asks of this host, as Python's data model asks an object's type. The host
 * is given at construction (`interpret/index.ts` gives the Keras API).
 */

import type { CheckedError } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import type { ClassObj, InstanceObj, Value } from '../values';
import type { Scope } from './scope';

/** The paths an import statement names: the module of a `from` import with its names, or each module of a plain one. */
export interface ImportedPaths {
  module?: string;
  names: string[];
  modules: string[];
}

export interface LibraryHost {
  // The import system.

  /** The value `import path` binds (to the path's first name) or `from m import n` binds (path `m.n`). */
  imported(path: string): Value;
  /** What running this import raises (a module or a name the library does not have), if anything. */
  importError(paths: ImportedPaths): CheckedError | undefined;
  /**
   * A top-level module the library models (`keras`, `numpy`, ...): its imports never read a workspace
   * file of that name, so a checkout of the library's own source in the workspace is not run instead.
   */
  libraryModule(top: string): boolean;
  /** `from module import *`. */
  importStar(module: string): void;
  /** A name the file never bound and Python does not have: what a star import brought, if anything. */
  starImported(name: string): Value | undefined;

  // Library values (see `isLibraryValue`) and instances of classes that derive from library classes.

  call(callee: Value, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode, incomplete: boolean): Value;
  /**
   * The value of a call of `qualname` that the library remembered on this
   * node from an earlier run (its arguments are literals, so they need not be
   * evaluated again); undefined when there is none.
   */
  callRemembered(qualname: string, node: SyntaxNode): Value | undefined;
  getAttribute(obj: Value, attr: string, node: SyntaxNode): Value;
  /** `obj.attr = value` on a library value, or on a library instance after the instance stored it. */
  setAttribute(obj: Value, attr: string, value: Value, node: SyntaxNode): void;
  /** `a op b` with a library value on either side; undefined where the library leaves it to Python. */
  binary(op: string, a: Value, b: Value, node: SyntaxNode): Value | undefined;
  /** The comparison `a op b` with a library value on either side; undefined where the library leaves it to Python. */
  compare(op: string, a: Value, b: Value, node: SyntaxNode): Value | undefined;
  /** `op v` (`-`, `+`, `~`) on a library value. */
  unary(op: string, v: Value, node: SyntaxNode): Value;
  /** `obj[subs]` on a library value; undefined where Python's own indexing decides (and fails). */
  getItem(obj: Value, subs: SyntaxNode[], scope: Scope, node: SyntaxNode): Value | undefined;
  /** `isinstance(value, cls)` against a library class or a class of the file; undefined when it cannot be told. */
  isInstance(value: Value, cls: Value): boolean | undefined;

  // The file's own classes, where a library base gives them behaviour.

  /** A class statement evaluated its bases (its body has not run yet): what the library bases make of it. */
  classCreated(cls: ClassObj): void;
  /** An instance of a class of the file is made, before its `__init__` runs: the library's own records of it. */
  instanceCreated(inst: InstanceObj, node: SyntaxNode): void;
  /** Items were added to a list a library object tracks (`list.trackedBy`). */
  trackedListGrew(list: Value & { kind: 'list' }, added: Value[]): void;

  /**
   * The file's own run is over: what runs next runs for hints only, on paths the file may not take;
   * `morePasses` is false when nothing runs after it.
   */
  fileRunEnded(morePasses: boolean): void;
}
