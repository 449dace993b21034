/**
 * Names Keras gives objects (`keras/src/utils/naming.py`): a layer is named
 * after its class in snake case unless `name=` says otherwise.
 */

import type { Args } from './args';
import { kerasClassOf } from './messages/layerCalls';

const SNAKE = new Map<string, string>();

/**
 * `naming.to_snake_case`: `Conv2D` -> `conv2d`, `PReLU` -> `p_re_lu`, `Conv1DTranspose` -> `conv1d_transpose`.
 * Remembered by name (the interpreter names every layer of a file on each keystroke), within bounds.
 */
export function toSnakeCase(name: string): string {
  let hit = SNAKE.get(name);
  if (hit === undefined) {
    hit = name
      .replace(/\W+/g, '')
      .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase();
    if (SNAKE.size > 10_000) SNAKE.clear();
    SNAKE.set(name, hit);
  }
  return hit;
}

/**
 * The layer's `self.name`, as its messages print it: `name=` when given,
 * else the auto-name of the first layer of its class in a session
 * (`auto_name` adds `_1`, `_2`, ... to later ones, which only the
 * interpreter, counting the file's layers, can tell).
 */
export function layerName(a: Args): string {
  const name = a.get('name');
  return name.kind === 'str' ? name.value : toSnakeCase(kerasClassOf(a.className));
}
