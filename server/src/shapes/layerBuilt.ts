/**
 * Whether a Keras layer object is built when its constructor returns: a class
 * that keeps `Layer.build`'s default builds in `__init__` (`_build_at_init`),
 * and `InputLayer` is built by its own. Recorded from Keras by constructing
 * each class (`layerBuilt.json`, `test/truth/layer-built/record.py`);
 * `Layer.__repr__` prints it.
 */

import record from './layerBuilt.json';

const AT_INIT: ReadonlySet<string> = new Set(record.built_at_init);

export function builtAtInit(className: string): boolean {
  return AT_INIT.has(className);
}
