/**
 * Imports Keras 3 refuses. Keras 2's module paths (`keras.layers.core`,
 * `keras.engine`) and names it dropped (`keras.utils.np_utils`) fail at the
 * import in Keras 3. Which modules exist and what each exports is recorded
 * from Keras (`kerasModules.json`, made by `test/truth/keras-modules/record.py`).
 * Only `keras` itself is judged: `keras.src` and private parts are not
 * recorded and never flagged, and `tensorflow.keras` is Keras 2 or 3
 * depending on the TensorFlow installed.
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import record from './kerasModules.json';

const MODULES = new Map<string, Set<string>>(
  Object.entries(record.modules as Record<string, string[]>).map(([m, names]) => [m, new Set(names)]),
);

/** True when Keras has nothing to say about this path (outside `keras`, or private). */
export function unjudged(path: string): boolean {
  const parts = path.split('.');
  return parts[0] !== 'keras' || (parts.length > 1 && (parts[1] === 'src' || parts.some((p) => p.startsWith('_'))));
}

/** Where the import of module `path` fails: the first missing module on the path, or undefined. */
function missingModule(path: string): string | undefined {
  if (unjudged(path)) return undefined;
  const parts = path.split('.');
  for (let i = 2; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    if (!MODULES.has(prefix)) return prefix;
  }
  return undefined;
}

/** The error of `import path` / `from path import ...`, or undefined when Keras 3 has the module. */
export function moduleImportError(path: string): CheckedError | undefined {
  const missing = missingModule(path);
  return missing ? errorOf('moduleNotFound', { module: missing }) : undefined;
}

/** The error of `from module import name`, or undefined when Keras 3 exports it (or cannot be judged). */
export function nameImportError(module: string, name: string): CheckedError | undefined {
  if (unjudged(module) || name.startsWith('_')) return undefined;
  const names = MODULES.get(module);
  if (!names || names.has(name) || MODULES.has(`${module}.${name}`)) return undefined;
  return errorOf('cannotImportName', { name, module });
}

/** The error of reading `attr` from the Keras module `module` (canonical), or undefined when it exists or is not a recorded module. */
export function moduleAttributeError(module: string, attr: string): CheckedError | undefined {
  const names = MODULES.get(module);
  if (!names || attr.startsWith('_') || names.has(attr) || MODULES.has(`${module}.${attr}`)) return undefined;
  return errorOf('moduleHasNoAttribute', { module, attribute: attr });
}
